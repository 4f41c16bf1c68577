package nl.wijkroute.operations;

import static nl.wijkroute.operations.CockpitRulesTest.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Cockpit's views of a case's process data are access-logged: who, which case, purpose operations, one per request. */
class CockpitAccessLogTest extends ApiTestSupport {

    private static final String ENGINE = "/camunda/api/engine/engine/default/";

    @Autowired
    RuntimeService runtime;

    @Test
    void anInstanceItsVariablesAndItsHistoryOpenedInCockpitAreLoggedAgainstTheCase() throws Exception {
        UUID caseId = openCaseInNoord();
        String instance = instanceOf(caseId);

        mvc.perform(get(ENGINE + "process-instance/" + instance).with(operator("admin"))).andReturn();
        mvc.perform(get(ENGINE + "history/process-instance/" + instance).with(operator("admin"))).andReturn();
        mvc.perform(get(ENGINE + "variable-instance").param("processInstanceIdIn", instance).with(operator("admin"))).andReturn();
        mvc.perform(post(ENGINE + "task").with(operator("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"processInstanceId\":\"" + instance + "\"}")).andReturn();

        List<Map<String, Object>> entries = jdbc.queryForList("""
                select user_id, username, user_role, case_id, household_id, data_category, action, purpose, outcome
                from access_log where case_id = ? and purpose = 'operations' order by id""", caseId);
        assertThat(entries).hasSize(4).allSatisfy(entry -> {
            assertThat(entry.get("user_id")).isEqualTo(TestUsers.sub("admin"));
            assertThat(entry.get("username")).isEqualTo("admin");
            assertThat(entry.get("user_role")).isEqualTo("admin");
            assertThat(entry.get("household_id")).isNotNull();
            assertThat(entry.get("data_category")).isEqualTo("ROUTE");
            assertThat(entry.get("action")).isEqualTo("READ");
            assertThat(entry.get("outcome")).isEqualTo("GRANTED");
        });
    }

    @Test
    void aQueryOverSeveralInstancesIsOneEntryNamingEachCase() throws Exception {
        UUID first = openCaseInNoord();
        UUID second = openCaseInNoord();

        mvc.perform(post(ENGINE + "variable-instance").with(operator("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("processInstanceIdIn", List.of(instanceOf(first), instanceOf(second))))))
                .andReturn();

        List<Map<String, Object>> entries = jdbc.queryForList("""
                select case_ids::text as cases from access_log
                where purpose = 'operations' and ? = any(case_ids) and ? = any(case_ids)""", first, second);
        assertThat(entries).hasSize(1);
    }

    @Test
    void variableValuesOfEveryCaseAtOnceAreRefusedAndWhatShowsNoCaseWritesNothing() throws Exception {
        long before = operationsEntries();

        assertProblem(mvc.perform(get(ENGINE + "variable-instance").with(operator("admin"))).andReturn(), 403);
        assertProblem(mvc.perform(post(ENGINE + "history/variable-instance").with(operator("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn(), 403);
        mvc.perform(get(ENGINE + "incident/count").with(operator("admin"))).andReturn();
        mvc.perform(get(ENGINE + "process-instance/no-such-instance").with(operator("admin"))).andReturn();

        assertThat(operationsEntries()).isEqualTo(before);
    }

    private long operationsEntries() {
        return jdbc.queryForObject("select count(*) from access_log where purpose = 'operations'", Long.class);
    }

    private String instanceOf(UUID caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString()).singleResult().getId();
    }
}
