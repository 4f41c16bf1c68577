package nl.wijkroute.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;

class StagnationDetectionApiTest extends ApiTestSupport {

    @Test
    void aCaseStandingInTriageBeyondItsNormIsSignalledOnceAndTheSignalGoesWhenItMoves() throws Exception {
        UUID caseId = openCaseInNoord();
        jdbc.update("update support_case set stage_entered_at = now() - interval '6 days' where id = ?", caseId);

        detect();
        detect();

        List<JsonNode> signals = signalsFor(caseId, "team-noord");
        assertThat(signals).extracting(s -> s.get("kind").asText()).containsExactly("TIME_IN_STEP");
        assertThat(signals.get(0).get("description").asText()).contains("TRIAGE").contains("norm 5 dagen");
        assertThat(signalsFor(caseId, "team-zuid")).isEmpty();

        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        assertThat(signalsFor(caseId, null)).isEmpty();
    }

    @Test
    void aCaseThatKeepsGoingBackIsSignalled() throws Exception {
        UUID caseId = openCaseInNoord();
        for (int round = 0; round < 2; round++) {
            step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
            step(caseId, "vraagverheldering", TestUsers.wijkcoach(), Map.of("outcome", "BACK_TO_TRIAGE",
                    "reason", "Nieuwe informatie van de huisarts"));
        }

        detect();

        assertThat(signalsFor(caseId, null)).extracting(s -> s.get("kind").asText()).contains("REPEATED_BACK_MOVES");
    }

    @Test
    void onlyProcesregisseursSeeSignalsAndOnlyProcesregisseursAndAdminsRunDetection() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/stagnation-signals").with(TestUsers.wijkcoach())).andReturn(), 403);
        // Managers count signals on the dashboard; the list names cases, which is casework.
        assertProblem(mvc.perform(get("/api/v1/stagnation-signals").with(TestUsers.manager())).andReturn(), 403);
        assertProblem(mvc.perform(post("/api/v1/stagnation-signals/detect").with(TestUsers.manager())).andReturn(), 403);
        assertProblem(mvc.perform(post("/api/v1/stagnation-signals/" + UUID.randomUUID() + "/escalate")
                .with(TestUsers.procesregisseur())).andReturn(), 404);
    }

    private void detect() throws Exception {
        assertThat(mvc.perform(post("/api/v1/stagnation-signals/detect").with(TestUsers.procesregisseur())).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    private List<JsonNode> signalsFor(UUID caseId, String team) throws Exception {
        JsonNode all = allItems("/api/v1/stagnation-signals" + (team == null ? "" : "?team=" + team), TestUsers.procesregisseur());
        return all.findParents("caseId").stream().filter(s -> s.get("caseId").asText().equals(caseId.toString())).toList();
    }
}
