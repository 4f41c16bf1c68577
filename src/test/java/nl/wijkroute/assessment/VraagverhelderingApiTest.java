package nl.wijkroute.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.partner.OrganisationType;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import nl.wijkroute.system.MunicipalTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class VraagverhelderingApiTest extends ApiTestSupport {

    @Autowired
    OrganisationService organisations;

    @Test
    void leefgebiedenFlaggedBySignalAndTriageMustAllBeAssessedBeforeThePlan() throws Exception {
        UUID caseId = openCaseInNoord(); // signal flags FINANCIEN and WERK_EN_OPLEIDING
        Map<String, Object> triage = new LinkedHashMap<>(triage("FULL_ROUTE", "MULTIPLE", false, null));
        triage.put("leefgebieden", List.of("HUISVESTING"));
        step(caseId, "triage", TestUsers.wijkcoach(), triage);

        JsonNode view = getJson(url(caseId), TestUsers.wijkcoach());
        assertThat(view.get("flagged")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("FINANCIEN", "WERK_EN_OPLEIDING", "HUISVESTING");
        // Anna (born 1985) is an adult: every leefgebied is a cell of her grid, flagged or not.
        assertThat(view.get("missing")).hasSize(15);
        assertThat(view.get("missingCells")).hasSize(15);
        assertThat(view.get("members").get(0).get("lifeStage").asText()).isEqualTo("VOLWASSENE");

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
        assertThat(read(blocked).get("errors").findValuesAsText("field"))
                .hasSize(13)
                .contains("assessments[memberId=" + member + ",leefgebied=HUISVESTING]",
                        "assessments[memberId=" + member + ",leefgebied=OPVOEDEN_EN_OPGROEIEN]")
                .doesNotContain("assessments[memberId=" + member + ",leefgebied=FINANCIEN]");
        assertThat(rowCounts()).isEqualTo(before);

        assess(caseId, member, "HUISVESTING", Map.of("score", 2), TestUsers.wijkcoach());
        fillRestOfGrid(caseId);
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
    void reassessingKeepsTheEarlierScoreInTheHistoryAndShowsTheChange() throws Exception {
        UUID caseId = openCaseInNoord();
        String member = firstMember(caseId);
        assess(caseId, member, "FINANCIEN", Map.of("score", 1), TestUsers.wijkcoach());
        assess(caseId, member, "FINANCIEN", Map.of("score", 3), TestUsers.wijkcoach());

        JsonNode view = getJson(url(caseId), TestUsers.wijkcoach());
        assertThat(view.get("assessments")).hasSize(2);
        assertThat(view.get("assessments").findValuesAsText("score")).containsExactly("1", "3");
        assertThat(view.get("assessments").findValuesAsText("moment")).containsOnly("VRAAGVERHELDERING");
        JsonNode financien = cell(view, member, "FINANCIEN");
        assertThat(financien.get("score").asInt()).isEqualTo(3);
        JsonNode change = view.get("changes").get(0);
        assertThat(change.get("leefgebied").asText()).isEqualTo("FINANCIEN");
        assertThat(change.get("startScore").asInt()).isEqualTo(1);
        assertThat(change.get("latestScore").asInt()).isEqualTo(3);
        assertThat(change.get("change").asInt()).isEqualTo(2);
    }

    @Test
    void everyCellOfEveryMemberMustBeFilledAndEachEmptyOneIsNamed() throws Exception {
        LocalDate today = LocalDate.now(MunicipalTime.ZONE);
        UUID caseId = openCase(member("Anna", "de Vries", "1985-03-12", null),
                member("Tim", "de Vries", today.minusYears(8).toString(), null));
        JsonNode grid = getJson(url(caseId), TestUsers.wijkcoach()).get("members");
        String anna = grid.get(0).get("memberId").asText();
        String tim = grid.get(1).get("memberId").asText();
        String taskId = openTask(caseId, "vraagverheldering");
        claim(taskId, TestUsers.wijkcoach());

        MvcResult blocked = complete(taskId, TestUsers.wijkcoach(),
                Map.of("step", "vraagverheldering", "outcome", "TO_PLAN", "realQuestion", "Rust in huis."));

        assertThat(blocked.getResponse().getStatus()).isEqualTo(400);
        List<String> fields = read(blocked).get("errors").findValuesAsText("field");
        assertThat(fields).hasSize(15 + 8)
                .contains("assessments[memberId=" + anna + ",leefgebied=FINANCIEN]",
                        "assessments[memberId=" + tim + ",leefgebied=WERK_EN_OPLEIDING]")
                .doesNotContain("assessments[memberId=" + tim + ",leefgebied=FINANCIEN]");

        // Everything filled except one cell of Tim: still refused, naming exactly that cell.
        List<Map<String, Object>> cells = new ArrayList<>();
        for (JsonNode missing : getJson(url(caseId), TestUsers.wijkcoach()).get("missingCells")) {
            if (!(missing.get("memberId").asText().equals(tim) && missing.get("leefgebied").asText().equals("SOCIAAL_NETWERK"))) {
                cells.add(Map.of("memberId", missing.get("memberId").asText(), "leefgebied", missing.get("leefgebied").asText(),
                        "assessment", Map.of("status", "NIET_VAN_TOEPASSING")));
            }
        }
        assertThat(assessAll(caseId, Map.of("assessments", cells), TestUsers.wijkcoach()).getResponse().getStatus()).isEqualTo(200);
        MvcResult oneLeft = complete(taskId, TestUsers.wijkcoach(),
                Map.of("step", "vraagverheldering", "outcome", "TO_PLAN", "realQuestion", "Rust in huis."));
        assertProblem(oneLeft, 400, "assessments[memberId=" + tim + ",leefgebied=SOCIAAL_NETWERK]");

        assess(caseId, tim, "SOCIAAL_NETWERK", Map.of("status", "NIET_BESPROKEN", "reason", "Tim was er niet bij."),
                TestUsers.wijkcoach());
        assertThat(complete(taskId, TestUsers.wijkcoach(), Map.of("step", "vraagverheldering", "outcome", "TO_PLAN",
                "realQuestion", "Rust in huis.")).getResponse().getStatus()).isEqualTo(204);
        JsonNode timsCell = cell(getJson(url(caseId), TestUsers.wijkcoach()), tim, "SOCIAAL_NETWERK");
        assertThat(timsCell.get("status").asText()).isEqualTo("NIET_BESPROKEN");
        assertThat(timsCell.path("score").isNumber()).isFalse();
    }

    @Test
    void aChildGetsTheLeefgebiedenThatFitTheirAge() throws Exception {
        LocalDate today = LocalDate.now(MunicipalTime.ZONE);
        UUID caseId = openCase(member("Anna", "de Vries", "1985-03-12", null),
                member("Noor", "de Vries", today.minusYears(2).toString(), null),
                member("Tim", "de Vries", today.minusYears(8).toString(), null),
                member("Sven", "de Vries", today.minusYears(15).toString(), null),
                member("Mila", "de Vries", today.minusYears(18).toString(), null));

        JsonNode grid = getJson(url(caseId), TestUsers.wijkcoach()).get("members");

        Map<String, JsonNode> byName = new java.util.HashMap<>();
        grid.forEach(row -> byName.put(row.get("member").asText(), row));
        assertThat(byName.get("Noor de Vries").get("lifeStage").asText()).isEqualTo("JONG_KIND");
        assertThat(byName.get("Noor de Vries").get("cells").findValuesAsText("leefgebied")).containsExactlyInAnyOrder(
                "OPVOEDEN_EN_OPGROEIEN", "LICHAMELIJKE_GEZONDHEID", "GEESTELIJKE_GEZONDHEID", "HUISELIJKE_RELATIES", "VEILIGHEID");
        assertThat(byName.get("Tim de Vries").get("lifeStage").asText()).isEqualTo("KIND");
        assertThat(byName.get("Tim de Vries").get("cells").findValuesAsText("leefgebied")).hasSize(8)
                .contains("WERK_EN_OPLEIDING", "TIJDSBESTEDING", "SOCIAAL_NETWERK").doesNotContain("MIDDELENGEBRUIK", "FINANCIEN");
        assertThat(byName.get("Sven de Vries").get("lifeStage").asText()).isEqualTo("JONGERE");
        assertThat(byName.get("Sven de Vries").get("cells").findValuesAsText("leefgebied")).hasSize(12)
                .contains("MIDDELENGEBRUIK", "JUSTITIE", "FINANCIEN")
                .doesNotContain("HUISVESTING", "BASALE_ADL", "INSTRUMENTELE_ADL");
        assertThat(byName.get("Mila de Vries").get("lifeStage").asText()).isEqualTo("VOLWASSENE");
        assertThat(byName.get("Mila de Vries").get("cells")).hasSize(15);
        assertThat(byName.get("Anna de Vries").get("cells")).hasSize(15);
    }

    @Test
    void theHouseholdsRegisseurSeesTheChangeAndAPartnerHoldingRegieOnlyOnTheSharedLeefgebieden() throws Exception {
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
        organisations.ensure("schuldhulp-stad", "Schuldhulp Stad", OrganisationType.SCHULDHULP);
        UUID caseId = caseInRegie();
        String changes = url(caseId) + "/changes";
        assertThat(getJson(changes, TestUsers.wijkcoach()).findValuesAsText("leefgebied")).hasSize(15).contains("FINANCIEN");
        assertProblem(mvc.perform(get(changes).with(TestUsers.partnerGgz())).andReturn(), 404);
        assertProblem(mvc.perform(get(changes).with(TestUsers.frontoffice())).andReturn(), 403);
        assertProblem(mvc.perform(get(changes).with(TestUsers.wijkcoach2())).andReturn(), 404);

        assertThat(mvc.perform(post("/api/v1/cases/" + caseId + "/regie/take").with(TestUsers.wijkcoach())).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        MvcResult proposed = mvc.perform(post("/api/v1/cases/" + caseId + "/handovers").with(TestUsers.wijkcoach())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("scope", "REGIE",
                        "receiverOrganisation", "ggz-breburg", "note", "Casusregie naar GGZ, met toestemming.",
                        "consent", Map.of("basis", "CONSENT", "givenBy", "Anna de Vries",
                                "givenAt", java.time.Instant.now().minusSeconds(3600).toString(), "form", "IN_GESPREK",
                                "leefgebieden", List.of("FINANCIEN"))))))
                .andReturn();
        assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult accepted = mvc.perform(post("/api/v1/handovers/" + read(proposed).get("id").asText() + "/accept")
                .with(TestUsers.partnerGgz())).andReturn();
        assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString()).isEqualTo(200);

        int readsLogged = logged(caseId, "partner-ggz", "ASSESSMENT", "READ");
        JsonNode asRegisseur = getJson(changes, TestUsers.partnerGgz());
        assertThat(logged(caseId, "partner-ggz", "ASSESSMENT", "READ")).isGreaterThan(readsLogged);
        assertThat(asRegisseur.findValuesAsText("leefgebied")).containsExactly("FINANCIEN");
        assertThat(asRegisseur.get(0).get("startScore").asInt()).isEqualTo(2);
        assertProblem(mvc.perform(get(changes).with(TestUsers.partnerSchuldhulp())).andReturn(), 404);
        // The partner reads the change, not the vraagverheldering itself.
        assertProblem(mvc.perform(get(url(caseId)).with(TestUsers.partnerGgz())).andReturn(), 403);
    }

    @Test
    void aPartnerInvolvedWithoutTheCasusregieIsRefusedTheChangeAndTheRefusalIsLogged() throws Exception {
        organisations.ensure("schuldhulp-stad", "Schuldhulp Stad", OrganisationType.SCHULDHULP);
        UUID caseId = caseInRegie();
        assertThat(mvc.perform(post("/api/v1/cases/" + caseId + "/regie/take").with(TestUsers.wijkcoach())).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        String actionId = getJson("/api/v1/cases/" + caseId + "/plan", TestUsers.wijkcoach()).get("goals").get(0).get("actions")
                .get(0).get("id").asText();
        MvcResult proposed = send(post("/api/v1/cases/" + caseId + "/handovers"), TestUsers.wijkcoach(), Map.of("scope", "ACTIONS",
                "actionIds", List.of(actionId), "receiverOrganisation", "schuldhulp-stad", "note", "Actie naar schuldhulp.",
                "consent", Map.of("basis", "CONSENT", "givenBy", "Anna de Vries",
                        "givenAt", java.time.Instant.now().minusSeconds(3600).toString(), "form", "IN_GESPREK",
                        "leefgebieden", List.of("FINANCIEN"))));
        assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult accepted = send(post("/api/v1/handovers/" + read(proposed).get("id").asText() + "/accept"),
                TestUsers.partnerSchuldhulp(), null);
        assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString()).isEqualTo(200);

        String outcomes = "select count(*) from access_log where case_id = ? and username = 'partner-schuldhulp' and outcome = ?";
        int granted = jdbc.queryForObject(outcomes, Integer.class, caseId, "GRANTED");
        int denied = jdbc.queryForObject(outcomes, Integer.class, caseId, "DENIED");
        assertProblem(mvc.perform(get(url(caseId) + "/changes").with(TestUsers.partnerSchuldhulp())).andReturn(), 404);
        assertThat(jdbc.queryForObject(outcomes, Integer.class, caseId, "DENIED")).as("the refusal is logged").isEqualTo(denied + 1);
        assertThat(jdbc.queryForObject(outcomes, Integer.class, caseId, "GRANTED")).as("nothing logged as granted")
                .isEqualTo(granted);
    }

    @Test
    void nietBesprokenNeedsAReasonAndOnlyAScoredCellHasAScore() throws Exception {
        UUID caseId = openCaseInNoord();
        String member = firstMember(caseId);
        Map<String, Integer> before = rowCounts();

        assertProblem(assess(caseId, member, "FINANCIEN", Map.of("status", "NIET_BESPROKEN"), TestUsers.wijkcoach()), 400, "reason");
        assertProblem(assess(caseId, member, "FINANCIEN", Map.of("status", "NIET_BESPROKEN", "reason", " "), TestUsers.wijkcoach()),
                400, "reason");
        assertProblem(assess(caseId, member, "FINANCIEN", Map.of("status", "NIET_VAN_TOEPASSING", "score", 3),
                TestUsers.wijkcoach()), 400, "score");
        assertProblem(assess(caseId, member, "FINANCIEN", Map.of("status", "ASSESSED"), TestUsers.wijkcoach()), 400, "score");
        assertProblem(assess(caseId, member, "FINANCIEN", Map.of("status", "VERGETEN"), TestUsers.wijkcoach()), 400, "status");
        // In a batch the faulty cell is named by its place, and nothing of the batch is stored.
        assertProblem(assessAll(caseId, Map.of("assessments", List.of(
                Map.of("memberId", member, "leefgebied", "FINANCIEN", "assessment", Map.of("score", 2)),
                Map.of("memberId", member, "leefgebied", "JUSTITIE", "assessment", Map.of("status", "NIET_BESPROKEN")))),
                TestUsers.wijkcoach()), 400, "assessments[1].assessment.reason");
        assertProblem(assessAll(caseId, Map.of("assessments", List.of(
                Map.of("memberId", member, "leefgebied", "FINANCIEN", "assessment", Map.of("score", 2)),
                Map.of("memberId", member, "leefgebied", "FINANCIEN", "assessment", Map.of("score", 3)))),
                TestUsers.wijkcoach()), 400, "assessments[1].leefgebied");
        assertProblem(assessAll(caseId, Map.of("assessments", List.of(
                Map.of("memberId", UUID.randomUUID().toString(), "leefgebied", "FINANCIEN", "assessment", Map.of("score", 2)))),
                TestUsers.wijkcoach()), 400, "assessments[0].memberId");
        assertProblem(assessAll(caseId, Map.of("assessments", List.of(
                Map.of("memberId", member, "leefgebied", "FINANCIEN", "assessment", Map.of("score", 9)))),
                TestUsers.wijkcoach()), 400, "assessments[0].assessment.score");
        assertProblem(assessAll(caseId, Map.of("assessments", List.of()), TestUsers.wijkcoach()), 400, "assessments");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void evaluatieRecordsTheScoresAgainAndTheCaseFileShowsTheChange() throws Exception {
        UUID caseId = caseInRegie(); // FINANCIEN scored 2 at vraagverheldering, the rest of the grid 4
        String member = firstMember(caseId);
        step(caseId, "regie", TestUsers.wijkcoach(), Map.of("outcome", "TO_EVALUATIE"));
        String taskId = openTask(caseId, "evaluatie");
        claim(taskId, TestUsers.wijkcoach());
        Map<String, Integer> before = rowCounts();

        assertProblem(complete(taskId, TestUsers.wijkcoach(), Map.of("step", "evaluatie", "outcome", "CONTINUE",
                "nextEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(6).toString(), "assessments", List.of(
                        Map.of("memberId", member, "leefgebied", "FINANCIEN", "assessment", Map.of("score", 4)),
                        Map.of("memberId", member, "leefgebied", "WERK_EN_OPLEIDING", "assessment", Map.of())))),
                400, "assessments[1].assessment.score");
        assertThat(rowCounts()).isEqualTo(before);

        int updatesLogged = logged(caseId, "wijkcoach", "ASSESSMENT", "UPDATE");
        MvcResult done = complete(taskId, TestUsers.wijkcoach(), Map.of("step", "evaluatie", "outcome", "CONTINUE",
                "nextEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(6).toString(), "assessments", List.of(
                        Map.of("memberId", member, "leefgebied", "FINANCIEN", "assessment", Map.of("score", 4,
                                "ownWords", "De schulden zitten in een regeling.")),
                        Map.of("memberId", member, "leefgebied", "WERK_EN_OPLEIDING", "assessment", Map.of("score", 3)))));
        assertThat(done.getResponse().getStatus()).as(done.getResponse().getContentAsString()).isEqualTo(204);
        assertThat(logged(caseId, "wijkcoach", "ASSESSMENT", "UPDATE")).as("the evaluatie's scores are a logged write")
                .isGreaterThan(updatesLogged);

        JsonNode view = getJson(url(caseId), TestUsers.wijkcoach());
        assertThat(view.get("assessments").findParents("moment").stream()
                .filter(a -> a.get("moment").asText().equals("EVALUATIE")).map(a -> a.get("leefgebied").asText()))
                .containsExactlyInAnyOrder("FINANCIEN", "WERK_EN_OPLEIDING");
        JsonNode caseFile = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach());
        JsonNode financien = change(caseFile.get("selfSufficiencyChanges"), "FINANCIEN");
        assertThat(financien.get("member").asText()).isEqualTo("Anna de Vries");
        assertThat(financien.get("startScore").asInt()).isEqualTo(2);
        assertThat(financien.get("latestScore").asInt()).isEqualTo(4);
        assertThat(financien.get("change").asInt()).isEqualTo(2);
        assertThat(financien.get("latestMoment").asText()).isEqualTo("EVALUATIE");
        JsonNode werk = change(caseFile.get("selfSufficiencyChanges"), "WERK_EN_OPLEIDING");
        assertThat(werk.get("startScore").asInt()).isEqualTo(2);
        assertThat(werk.get("change").asInt()).isEqualTo(1);
        assertThat(change(caseFile.get("selfSufficiencyChanges"), "HUISVESTING").get("change").asInt()).isZero();
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
            assertProblem(assessAll(caseId, Map.of("assessments", List.of(Map.of("memberId", member, "leefgebied", "FINANCIEN",
                    "assessment", Map.of("score", 2)))), user), 403);
        }
        assertProblem(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url(caseId))
                .with(TestUsers.partnerGgz())).andReturn(), 403);
    }

    private UUID openCase(Map<String, Object>... members) throws Exception {
        MvcResult result = postSignal(signal(newHousehold("noord", members)), TestUsers.frontoffice(), UUID.randomUUID().toString());
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        UUID caseId = UUID.fromString(read(result).get("caseId").asText());
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        return caseId;
    }

    private int logged(UUID caseId, String username, String category, String action) {
        return jdbc.queryForObject("select count(*) from access_log where case_id = ? and username = ? and data_category = ?"
                + " and action = ? and outcome = 'GRANTED'", Integer.class, caseId, username, category, action);
    }

    private static JsonNode cell(JsonNode view, String memberId, String leefgebied) {
        for (JsonNode row : view.get("members")) {
            if (row.get("memberId").asText().equals(memberId)) {
                for (JsonNode cell : row.get("cells")) {
                    if (cell.get("leefgebied").asText().equals(leefgebied)) {
                        return cell;
                    }
                }
            }
        }
        throw new AssertionError("no cell " + leefgebied + " for " + memberId);
    }

    private static JsonNode change(JsonNode changes, String leefgebied) {
        for (JsonNode change : changes) {
            if (change.get("leefgebied").asText().equals(leefgebied)) {
                return change;
            }
        }
        throw new AssertionError("no change for " + leefgebied + " in " + changes);
    }

    private MvcResult assessAll(UUID caseId, Map<String, Object> body, RequestPostProcessor user) throws Exception {
        return mvc.perform(post(url(caseId) + "/assessments").with(user)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn();
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
