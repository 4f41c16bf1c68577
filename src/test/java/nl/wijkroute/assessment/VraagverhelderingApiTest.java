package nl.wijkroute.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class VraagverhelderingApiTest extends ApiTestSupport {

    @Test
    void leefgebiedenFlaggedBySignalAndTriageMustAllBeAssessedBeforeThePlan() throws Exception {
        UUID caseId = openCaseInNoord(); // signal flags FINANCIEN and WERK_EN_OPLEIDING
        Map<String, Object> triage = new LinkedHashMap<>(triage("FULL_ROUTE", "MULTIPLE", false, null));
        triage.put("leefgebieden", List.of("HUISVESTING"));
        step(caseId, "triage", TestUsers.wijkcoach(), triage);

        JsonNode view = getJson(url(caseId), TestUsers.wijkcoach());
        assertThat(view.get("flagged")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("FINANCIEN", "WERK_EN_OPLEIDING", "HUISVESTING");
        assertThat(view.get("missing")).hasSize(3);

        String member = firstMember(caseId);
        assertThat(assess(caseId, member, "FINANCIEN", Map.of("score", 1, "ownWords", "De deurwaarder stond voor de deur."),
                TestUsers.wijkcoach()).getResponse().getStatus()).isEqualTo(200);
        assess(caseId, member, "WERK_EN_OPLEIDING", Map.of("score", 3, "strengths", "Heeft een vak geleerd.",
                "network", "Oud-collega kan helpen"), TestUsers.wijkcoach());

        String taskId = openTask(caseId, "vraagverheldering");
        claim(taskId, TestUsers.wijkcoach());
        Map<String, Integer> before = rowCounts();
        MvcResult blocked = complete(taskId, TestUsers.wijkcoach(),
                Map.of("step", "vraagverheldering", "outcome", "TO_PLAN", "realQuestion", "Rust in de financiën."));
        assertProblem(blocked, 400, "assessments");
        assertThat(read(blocked).get("detail").asText()).contains("assessments");
        assertThat(read(blocked).get("errors").get(0).get("message").asText()).contains("HUISVESTING");
        assertThat(rowCounts()).isEqualTo(before);

        assess(caseId, member, "HUISVESTING", Map.of("score", 2), TestUsers.wijkcoach());
        MvcResult done = complete(taskId, TestUsers.wijkcoach(),
                Map.of("step", "vraagverheldering", "outcome", "TO_PLAN", "realQuestion", "Rust in de financiën."));
        assertThat(done.getResponse().getStatus()).isEqualTo(204);

        JsonNode after = getJson(url(caseId), TestUsers.wijkcoach());
        assertThat(after.get("missing")).isEmpty();
        assertThat(after.get("realQuestion").asText()).isEqualTo("Rust in de financiën.");
        JsonNode financien = after.get("assessments").findParents("leefgebied").stream()
                .filter(a -> a.get("leefgebied").asText().equals("FINANCIEN")).findFirst().orElseThrow();
        assertThat(financien.get("scoreMeaning").asText()).isEqualTo("Acute problematiek");
        assertThat(financien.get("member").asText()).isEqualTo("Anna de Vries");
        assertThat(financien.get("assessedBy").asText()).isEqualTo("wijkcoach");
    }

    @Test
    void reassessingReplacesTheEarlierAssessment() throws Exception {
        UUID caseId = openCaseInNoord();
        String member = firstMember(caseId);
        assess(caseId, member, "FINANCIEN", Map.of("score", 1), TestUsers.wijkcoach());
        assess(caseId, member, "FINANCIEN", Map.of("score", 3), TestUsers.wijkcoach());

        JsonNode assessments = getJson(url(caseId), TestUsers.wijkcoach()).get("assessments");
        assertThat(assessments).hasSize(1);
        assertThat(assessments.get(0).get("score").asInt()).isEqualTo(3);
    }

    @Test
    void badAssessmentsAreRefusedByField() throws Exception {
        UUID caseId = openCaseInNoord();
        String member = firstMember(caseId);
        Map<String, Integer> before = rowCounts();

        assertProblem(assess(caseId, member, "FINANCIEN", Map.of("score", 0), TestUsers.wijkcoach()), 400, "score");
        assertProblem(assess(caseId, member, "FINANCIEN", Map.of("score", 6), TestUsers.wijkcoach()), 400, "score");
        assertProblem(assess(caseId, member, "FINANCIEN", Map.of(), TestUsers.wijkcoach()), 400, "score");
        assertProblem(assess(caseId, member, "FINANCIEN", Map.of("score", 2, "ownWords", "x".repeat(4001)),
                TestUsers.wijkcoach()), 400, "ownWords");
        assertProblem(assess(caseId, member, "ASTROLOGIE", Map.of("score", 2), TestUsers.wijkcoach()), 400, "leefgebied");
        assertProblem(assess(caseId, UUID.randomUUID().toString(), "FINANCIEN", Map.of("score", 2), TestUsers.wijkcoach()),
                404, "memberId");
        assertProblem(assess(UUID.randomUUID(), member, "FINANCIEN", Map.of("score", 2), TestUsers.wijkcoach()), 404);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aMemberOfAnotherHouseholdCannotBeAssessedHere() throws Exception {
        UUID caseId = openCaseInNoord();
        String otherMember = firstMember(openCaseInNoord());
        assertProblem(assess(caseId, otherMember, "FINANCIEN", Map.of("score", 2), TestUsers.wijkcoach()), 404, "memberId");
    }

    @Test
    void aClosedCaseCannotBeAssessedAnymore() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("CLOSE_NO_HELP", "NONE", false, "Advies gegeven."));
        assertProblem(assess(caseId, firstMember(caseId), "FINANCIEN", Map.of("score", 2), TestUsers.wijkcoach()), 409);
    }

    @Test
    void onlyTheWijkteamAssesses() throws Exception {
        UUID caseId = openCaseInNoord();
        String member = firstMember(caseId);
        for (RequestPostProcessor user : List.of(TestUsers.frontoffice(), TestUsers.partnerGgz(), TestUsers.manager())) {
            assertProblem(assess(caseId, member, "FINANCIEN", Map.of("score", 2), user), 403);
        }
        assertProblem(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url(caseId))
                .with(TestUsers.partnerGgz())).andReturn(), 403);
    }

    private static String url(UUID caseId) {
        return "/api/v1/cases/" + caseId + "/vraagverheldering";
    }

    private String firstMember(UUID caseId) throws Exception {
        return getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("household").get("members").get(0).get("id").asText();
    }

    private MvcResult assess(Object caseId, String memberId, String leefgebied, Map<String, Object> body,
                             RequestPostProcessor user) throws Exception {
        return mvc.perform(put(url(UUID.fromString(caseId.toString())) + "/" + memberId + "/" + leefgebied).with(user)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn();
    }
}
