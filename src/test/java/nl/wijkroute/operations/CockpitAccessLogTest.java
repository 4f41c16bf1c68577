package nl.wijkroute.operations;

import static nl.wijkroute.operations.CockpitRulesTest.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.URI;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Cockpit's views of a case's process data are access-logged: who, which case, purpose operations, one per request. */
class CockpitAccessLogTest extends ApiTestSupport {

    private static final String ENGINE = "/camunda/api/engine/engine/default/";

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

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

    @Test
    void aPostQueryTakesItsFiltersFromTheBodyOnlyAndAValueQueryNeedsInstancesThatAreCases() throws Exception {
        UUID caseId = openCaseInNoord();
        String instance = instanceOf(caseId);
        long before = operationsEntries();

        // Camunda reads a POST query's filters from its body: in the URL they filter nothing.
        for (String query : List.of("variable-instance", "history/variable-instance", "history/detail")) {
            assertProblem(mvc.perform(post(ENGINE + query + "?processInstanceIdIn=" + instance + "&maxResults=100000")
                    .with(operator("admin")).contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn(), 403);
        }
        // Made-up instances would show nothing logged.
        assertProblem(mvc.perform(post(ENGINE + "variable-instance").with(operator("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"processInstanceIdIn\":[\"x\"]}")).andReturn(), 403);
        assertProblem(mvc.perform(get(ENGINE + "variable-instance").param("processInstanceIdIn", instance + ",x")
                .with(operator("admin"))).andReturn(), 403);
        // A GET's body is no filter.
        assertProblem(mvc.perform(get(ENGINE + "variable-instance").with(operator("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"processInstanceIdIn\":[\"" + instance + "\"]}")).andReturn(), 403);

        assertThat(operationsEntries()).isEqualTo(before);
    }

    @Test
    void aPercentEncodedPathIsRefused() throws Exception {
        UUID caseId = openCaseInNoord();
        String instance = instanceOf(caseId);
        String encoded = "%" + Integer.toHexString(instance.charAt(0)) + instance.substring(1);

        assertProblem(mvc.perform(get(URI.create(ENGINE + "process-instance/" + encoded + "/variables"))
                .with(operator("admin"))).andReturn(), 400);
    }

    @Test
    void valueEndpointsNeedAnIdThatIsACaseAndThoseCockpitDoesNotUseAreRefused() throws Exception {
        for (String path : List.of("process-instance/no-such-instance/variables", "variable-instance/no-such/data",
                "history/variable-instance/no-such/data", "task/abc/variables", "task/abc/form-variables",
                "execution/abc/localVariables", "history/detail/abc", "history/detail/abc/data")) {
            assertProblem(mvc.perform(get(ENGINE + path).with(operator("admin"))).andReturn(), 403);
        }
    }

    @Test
    void aSubProcessIsLoggedAgainstTheCaseOfItsRootInstance() throws Exception {
        UUID caseId = openCaseInNoord();
        // A case's tree as the engine keeps it: the sub-process has its own business key (an escalation's id).
        repository.createDeployment().addModelInstance("cockpit-probe-child.bpmn", Bpmn.createExecutableProcess("cockpitProbeChild")
                .startEvent().userTask().endEvent().done()).addModelInstance("cockpit-probe.bpmn",
                Bpmn.createExecutableProcess("cockpitProbe").startEvent().callActivity().calledElement("cockpitProbeChild")
                        .camundaInBusinessKey("${childKey}")
                        .endEvent().done()).deploy();
        String root = runtime.startProcessInstanceByKey("cockpitProbe", caseId.toString(),
                Map.of("childKey", UUID.randomUUID().toString())).getId();
        String child = runtime.createProcessInstanceQuery().superProcessInstanceId(root).singleResult().getId();

        mvc.perform(get(ENGINE + "history/process-instance/" + child).with(operator("admin"))).andReturn();

        assertThat(jdbc.queryForObject("select count(*) from access_log where purpose = 'operations' and case_id = ?",
                Long.class, caseId)).isEqualTo(1);
    }

    @Test
    void aQueryByBusinessKeyIsLoggedAgainstThatCaseAndALikeOnItIsRefused() throws Exception {
        UUID caseId = openCaseInNoord();

        mvc.perform(get(ENGINE + "process-instance").param("businessKey", caseId.toString()).with(operator("admin"))).andReturn();
        mvc.perform(post(ENGINE + "history/process-instance").with(operator("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"processInstanceBusinessKeyIn\":[\"" + caseId + "\"]}")).andReturn();
        assertProblem(mvc.perform(post(ENGINE + "history/process-instance").with(operator("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"processInstanceBusinessKeyLike\":\"%\"}")).andReturn(), 403);

        assertThat(jdbc.queryForObject("select count(*) from access_log where purpose = 'operations' and case_id = ?",
                Long.class, caseId)).isEqualTo(2);
    }

    @Test
    void aQueryBodyOverTheLimitIsRefused() throws Exception {
        String big = "{\"processInstanceIdIn\":[\"" + "x".repeat(300 * 1024) + "\"]}";
        assertThat(mvc.perform(post(ENGINE + "process-instance").with(operator("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(big)).andReturn().getResponse().getStatus()).isEqualTo(413);
    }

    @Test
    void jobRetriesBelowOneAreRefusedNamingRetries() throws Exception {
        assertProblem(mvc.perform(put(ENGINE + "job/abc/retries").with(operator("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"retries\":0}")).andReturn(), 400, "retries");
        assertProblem(mvc.perform(put(ENGINE + "job-definition/abc/retries").with(operator("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"retries\":-1}")).andReturn(), 400, "retries");
        assertProblem(mvc.perform(post(ENGINE + "job/retries").with(operator("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"jobIds\":[\"abc\"]}")).andReturn(), 400, "retries");
        assertThat(mvc.perform(put(ENGINE + "job/abc/retries").with(operator("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"retries\":3}")).andReturn().getResponse().getStatus())
                .isNotIn(400, 403);
    }

    private long operationsEntries() {
        return jdbc.queryForObject("select count(*) from access_log where purpose = 'operations'", Long.class);
    }

    private String instanceOf(UUID caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString()).singleResult().getId();
    }
}
