package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.Bsns;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;

/** Names, BSNs and free text about a household never reach the application's log, on happy and error paths. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataNotLoggedTest extends ApiTestSupport {

    @Test
    void personalDataFromRequestsNeverAppearsInTheLog(CapturedOutput output) throws Exception {
        String bsn = Bsns.random();
        String givenName = "Zoëlinde";
        String familyName = "Kwakernaat-Uniek";
        String story = "Schuld bij de woningcorporatie van 4817 euro";

        Map<String, Object> household = newHousehold("noord", member(givenName, familyName, "1983-04-05", bsn));
        Map<String, Object> body = signal(household);
        body.put("description", story);
        UUID caseId = UUID.fromString(read(postSignal(body, TestUsers.frontoffice(), UUID.randomUUID().toString()))
                .get("caseId").asText());
        getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach());
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));

        // Error paths: an invalid BSN, a duplicate key with another body, malformed input.
        postSignal(signal(newHousehold("noord", member(givenName, familyName, "1983-04-05", "123456789"))),
                TestUsers.frontoffice(), UUID.randomUUID().toString());
        String key = UUID.randomUUID().toString();
        postSignal(body, TestUsers.frontoffice(), key);
        body.put("description", story + " en meer");
        postSignal(body, TestUsers.frontoffice(), key);
        body.put("urgency", "NOG_ERGER");
        postSignal(body, TestUsers.frontoffice(), UUID.randomUUID().toString());

        // Privacy paths: a refused look, break-the-glass with its reason, the resident's own view, the officer's export.
        String reason = "Buurvrouw Kwakernaat belt over acute dreiging";
        mvc.perform(get("/api/v1/cases/" + caseId).with(TestUsers.wijkcoach2()));
        mvc.perform(post("/api/v1/break-glass").with(TestUsers.wijkcoach2()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("bsn", bsn, "reason", reason))));
        getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach2());
        getJson("/api/v1/me", TestUsers.inwoner(bsn));
        mvc.perform(get("/api/v1/access-log/export?caseId=" + caseId).with(TestUsers.privacyOfficer()));

        for (String personal : List.of(bsn, "123456789", givenName, familyName, story, reason)) {
            assertThat(output.getAll()).as("the log must not contain '%s'", personal).doesNotContain(personal);
        }
    }

    @Autowired
    ProcessEngine engine;

    /**
     * A statement PostgreSQL refuses names its constraint, not the row (decision 0072). By default pgjdbc puts the
     * server's detail into the exception's message ("Failing row contains (…, Huishouden Kwakernaat, …)"), and the
     * engine logs every failed command with its message (ENGINE-16004), as Hibernate logs every SQL error's: a refused
     * write inside a route step would have put the household's data in the log.
     */
    @Test
    void aRefusedStatementInsideAnEngineCommandLogsNoValuesOfItsRow(CapturedOutput output) {
        String name = "Huishouden Kwakernaat-Weigering";
        int before = output.getAll().length();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // A household without its wijk: refused by the not-null constraint, inside an engine command as a step's write is.
        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(commandContext ->
                jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, ?, null, now())",
                        UUID.randomUUID(), name)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .satisfies(refused -> {
                    // What an operator needs stays: the driver's own message names the column and the table.
                    assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(refused).getMessage())
                            .contains("null value in column \"wijk_id\" of relation \"household\"");
                    for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
                        assertThat(String.valueOf(cause.getMessage())).as("message of %s", cause.getClass()).doesNotContain(name);
                    }
                });
        // The server's own log line of the refusal carries no DETAIL either. Whether that line reaches this JVM's
        // output depends on how the embedded server was started (it did not in a full verify), so the setting is read.
        assertThat(jdbc.queryForObject("select current_setting('log_error_verbosity')", String.class)).isEqualTo("terse");
        assertThat(output.getAll().substring(before)).contains("ENGINE-16004").doesNotContain(name);
    }
}
