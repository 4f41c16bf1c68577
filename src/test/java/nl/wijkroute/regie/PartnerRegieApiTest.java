package nl.wijkroute.regie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.partner.OrganisationType;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Regie held by a partner is real (issue 16 item 2, decision 0044): after an accepted warme overdracht of
 * regie, the case's regie and evaluatie steps are in the receiving organisation's werkbak and no longer in
 * the team's; the partner's casusregisseur claims and completes them; another organisation does not see
 * them; handing regie back to the team (or onward) is again a warme overdracht, after which they move again.
 */
class PartnerRegieApiTest extends ApiTestSupport {

    @Autowired
    OrganisationService organisations;

    @BeforeEach
    void partners() {
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
        organisations.ensure("schuldhulp-stad", "Schuldhulp Stad", OrganisationType.SCHULDHULP);
    }

    @Test
    void thePartnerHoldingRegieClaimsAndCompletesRegieAndEvaluatieWhichLeaveTheTeamsWerkbak() throws Exception {
        UUID caseId = caseInRegie();
        String regie = openTask(caseId, "regie");
        assertThat(claim(regie, TestUsers.wijkcoach()).getResponse().getStatus()).isEqualTo(200);
        regieWithGgz(caseId);

        assertThat(werkbak(TestUsers.wijkcoach())).as("the claimed step left the team member too").doesNotContain(regie);
        assertThat(werkbak(TestUsers.wijkcoachNoord2())).doesNotContain(regie);
        assertThat(werkbak(TestUsers.partnerGgz())).contains(regie);
        assertThat(werkbak(TestUsers.partnerSchuldhulp())).doesNotContain(regie);
        assertProblem(claim(regie, TestUsers.wijkcoach()), 404);
        assertProblem(claim(regie, TestUsers.partnerSchuldhulp()), 404);

        assertThat(claim(regie, TestUsers.partnerGgz()).getResponse().getStatus()).isEqualTo(200);
        assertProblem(complete(regie, TestUsers.partnerGgz(), Map.of("step", "evaluatie", "outcome", "CLOSE")), 400, "step");
        assertCompleted(regie, TestUsers.partnerGgz(), Map.of("step", "regie", "outcome", "TO_EVALUATIE"));
        assertThat(jdbc.queryForObject("select count(*) from access_log where username = 'partner-ggz' and case_id = ?"
                + " and data_category = 'ROUTE' and action = 'UPDATE' and outcome = 'GRANTED'", Integer.class, caseId))
                .as("claim and completion are logged").isEqualTo(2);

        String evaluatie = openTask(caseId, "evaluatie");
        assertThat(werkbak(TestUsers.partnerGgz())).contains(evaluatie);
        assertThat(werkbak(TestUsers.wijkcoach())).doesNotContain(evaluatie);
        assertProblem(claim(evaluatie, TestUsers.partnerSchuldhulp()), 404);
        assertThat(claim(evaluatie, TestUsers.partnerGgz()).getResponse().getStatus()).isEqualTo(200);
        assertCompleted(evaluatie, TestUsers.partnerGgz(), Map.of("step", "evaluatie", "outcome", "CONTINUE",
                "nextEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(6).toString()));

        String nextRegie = openTask(caseId, "regie");
        assertThat(werkbak(TestUsers.partnerGgz())).as("steps created later are the partner's too").contains(nextRegie);
        assertThat(werkbak(TestUsers.wijkcoach())).doesNotContain(nextRegie);
        assertThat(claim(nextRegie, TestUsers.partnerGgz()).getResponse().getStatus()).isEqualTo(200);
        assertCompleted(nextRegie, TestUsers.partnerGgz(), Map.of("step", "regie", "outcome", "TO_EVALUATIE"));
        String nextEvaluatie = openTask(caseId, "evaluatie");
        assertThat(claim(nextEvaluatie, TestUsers.partnerGgz()).getResponse().getStatus()).isEqualTo(200);
        assertCompleted(nextEvaluatie, TestUsers.partnerGgz(), Map.of("step", "evaluatie", "outcome", "ADJUST_PLAN",
                "reason", "Met Anna besproken: een nieuw doel voor werk."));

        String plan = openTask(caseId, "plan");
        assertThat(werkbak(TestUsers.wijkcoach())).as("the plan is written with the team").contains(plan);
        assertThat(werkbak(TestUsers.partnerGgz())).doesNotContain(plan);
        assertProblem(claim(plan, TestUsers.partnerGgz()), 404);
    }

    @Test
    void handingRegieBackToTheTeamIsAWarmeOverdrachtAfterWhichTheTeamHasTheStepsAgain() throws Exception {
        UUID caseId = caseInRegie();
        regieWithGgz(caseId);
        String regie = openTask(caseId, "regie");
        assertThat(claim(regie, TestUsers.partnerGgz()).getResponse().getStatus()).isEqualTo(200);

        Map<String, Integer> before = rowCounts();
        Map<String, Object> actionsToTeam = regieTo("team-noord");
        actionsToTeam.put("scope", "ACTIONS");
        actionsToTeam.put("actionIds", List.of(UUID.randomUUID()));
        assertProblem(propose(caseId, TestUsers.partnerGgz(), actionsToTeam), 400, "receiverOrganisation");
        assertProblem(propose(caseId, TestUsers.partnerGgz(), regieTo("team-zuid")), 400, "receiverOrganisation");
        assertThat(rowCounts()).isEqualTo(before);

        MvcResult proposed = propose(caseId, TestUsers.partnerGgz(), regieTo("team-noord"));
        assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString()).isEqualTo(201);
        String handBack = read(proposed).get("id").asText();
        assertThat(werkbak(TestUsers.partnerGgz())).as("until acceptance the sender keeps the steps").contains(regie);
        assertThat(allItems("/api/v1/handovers?direction=INCOMING", TestUsers.wijkcoach()).findValuesAsText("id")).contains(handBack);
        assertProblem(action(handBack, "accept", TestUsers.wijkcoach2()), 404);
        assertProblem(action(handBack, "accept", TestUsers.partnerSchuldhulp()), 404);

        MvcResult accepted = action(handBack, "accept", TestUsers.wijkcoach());
        assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString()).isEqualTo(200);

        JsonNode casusregie = getJson("/api/v1/cases/" + caseId + "/regie", TestUsers.wijkcoach()).get("casusregie");
        assertThat(casusregie.get("holder").asText()).isEqualTo("wijkcoach");
        assertThat(casusregie.get("holderOrganisation").asText()).isEqualTo("team-noord");
        assertThat(casusregie.get("startedVia").asText()).isEqualTo("WARME_OVERDRACHT");
        assertThat(werkbak(TestUsers.partnerGgz())).as("the partner's claim ends with its regie").doesNotContain(regie);
        assertProblem(claim(regie, TestUsers.partnerGgz()), 404);
        assertThat(werkbak(TestUsers.wijkcoach())).contains(regie);
        assertThat(claim(regie, TestUsers.wijkcoach()).getResponse().getStatus()).isEqualTo(200);
        assertCompleted(regie, TestUsers.wijkcoach(), Map.of("step", "regie", "outcome", "TO_EVALUATIE"));
        assertThat(werkbak(TestUsers.wijkcoach())).contains(openTask(caseId, "evaluatie"));
    }

    @Test
    void regieHandedOnwardMovesTheStepsToTheNextOrganisation() throws Exception {
        UUID caseId = caseInRegie();
        regieWithGgz(caseId);
        MvcResult proposed = propose(caseId, TestUsers.partnerGgz(), regieTo("schuldhulp-stad"));
        assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult accepted = action(read(proposed).get("id").asText(), "accept", TestUsers.partnerSchuldhulp());
        assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString()).isEqualTo(200);

        String regie = openTask(caseId, "regie");
        assertThat(werkbak(TestUsers.partnerSchuldhulp())).contains(regie);
        assertThat(werkbak(TestUsers.partnerGgz())).doesNotContain(regie);
        assertThat(werkbak(TestUsers.wijkcoach())).doesNotContain(regie);
        assertProblem(claim(regie, TestUsers.partnerGgz()), 404);
        assertThat(claim(regie, TestUsers.partnerSchuldhulp()).getResponse().getStatus()).isEqualTo(200);
        assertCompleted(regie, TestUsers.partnerSchuldhulp(), Map.of("step", "regie", "outcome", "TO_EVALUATIE"));
    }

    @Test
    void aPendingHandoverIsNoWorkInThePartnersWerkbak() throws Exception {
        UUID caseId = caseInRegie();
        takeRegie(caseId);
        MvcResult proposed = propose(caseId, TestUsers.wijkcoach(), regieTo("ggz-breburg"));
        assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString()).isEqualTo(201);

        UUID withRegie = caseInRegie();
        regieWithGgz(withRegie);
        JsonNode werkbak = allItems("/api/v1/tasks", TestUsers.partnerGgz());
        assertThat(werkbak.findValuesAsText("taskKey")).as("partners decide on handovers through /handovers")
                .doesNotContain("overdrachtBeoordelen");
        assertThat(werkbak.findValuesAsText("caseId")).doesNotContain(caseId.toString()).contains(withRegie.toString());
        assertThat(getJson("/api/v1/tasks?size=1", TestUsers.partnerGgz()).get("totalItems").asLong())
                .as("the total of a full page counts the regie steps only, as the list shows them").isEqualTo(werkbak.size());
        assertThat(werkbak(TestUsers.wijkcoach())).contains(openTask(caseId, "regie"));
    }

    @Test
    void thePartnerHoldingRegieCompletesEvaluatieTheSameWithOrWithoutASafetyConcernAndTheTeamGetsTheSafetyQuestion() throws Exception {
        UUID concern = caseInRegieWithSafetyConcern();
        UUID none = caseInRegie();
        Map<UUID, String> evaluaties = new HashMap<>();
        for (UUID caseId : List.of(concern, none)) {
            regieWithGgz(caseId);
            String regie = openTask(caseId, "regie");
            assertThat(claim(regie, TestUsers.partnerGgz()).getResponse().getStatus()).isEqualTo(200);
            assertCompleted(regie, TestUsers.partnerGgz(), Map.of("step", "regie", "outcome", "TO_EVALUATIE"));
            String evaluatie = openTask(caseId, "evaluatie");
            assertThat(claim(evaluatie, TestUsers.partnerGgz()).getResponse().getStatus()).isEqualTo(200);
            evaluaties.put(caseId, evaluatie);
        }
        int checksBefore = jdbc.queryForObject("select count(*) from safety_check", Integer.class);

        // A partner sending the safety question is refused alike, concern or not, naming no member.
        List<JsonNode> refusals = new java.util.ArrayList<>();
        for (UUID caseId : List.of(concern, none)) {
            String memberId = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("household").get("members")
                    .get(0).get("id").asText();
            Map<String, Object> withCheck = new HashMap<>(evaluatieContinue());
            withCheck.put("safetyCheck", List.of(Map.of("memberId", memberId, "safe", true, "howWeKnow", "Gesproken.")));
            MvcResult refused = complete(evaluaties.get(caseId), TestUsers.partnerGgz(), withCheck);
            assertProblem(refused, 400, "safetyCheck");
            refusals.add(read(refused).get("errors"));
        }
        assertThat(refusals.get(0)).isEqualTo(refusals.get(1));

        // Without it both complete alike; the concern case's safety question goes to the team.
        for (UUID caseId : List.of(concern, none)) {
            MvcResult completed = complete(evaluaties.get(caseId), TestUsers.partnerGgz(), evaluatieContinue());
            assertThat(completed.getResponse().getStatus()).as(completed.getResponse().getContentAsString()).isEqualTo(204);
            assertThat(completed.getResponse().getContentAsString()).isEmpty();
            openTask(caseId, "regie");
        }
        assertThat(jdbc.queryForObject("select count(*) from safety_check", Integer.class)).isEqualTo(checksBefore);
        String safetyTask = openTask(concern, "veiligheidNieuwSignaal");
        assertThat(werkbak(TestUsers.wijkcoach())).contains(safetyTask);
        assertThat(werkbak(TestUsers.partnerGgz())).doesNotContain(safetyTask);
        assertThat(getJson("/api/v1/cases/" + none, TestUsers.wijkcoach()).get("openTasks").findValuesAsText("taskKey"))
                .containsExactly("regie");
    }

    /** As {@link #caseInRegie()}, with a safety concern at triage, so the plan asks (and the team answers) the safety question. */
    private UUID caseInRegieWithSafetyConcern() throws Exception {
        UUID caseId = openCaseInNoord();
        RequestPostProcessor coach = TestUsers.wijkcoach();
        step(caseId, "triage", coach, triage("FULL_ROUTE", "MULTIPLE", true, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", coach, Map.of("outcome", "TO_PLAN", "realQuestion", "Rust thuis."));
        agreedPlan(caseId);
        List<Map<String, Object>> everyoneSafe = new java.util.ArrayList<>();
        for (String memberId : getJson("/api/v1/cases/" + caseId, coach).get("household").get("members").findValuesAsText("id")) {
            everyoneSafe.add(Map.of("memberId", memberId, "safe", true, "howWeKnow", "Gezien op huisbezoek."));
        }
        step(caseId, "plan", coach, Map.of("outcome", "TO_REGIE", "safetyCheck", everyoneSafe,
                "firstEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(4).toString()));
        return caseId;
    }

    private static Map<String, Object> evaluatieContinue() {
        return Map.of("step", "evaluatie", "outcome", "CONTINUE", "nextEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(6).toString());
    }

    private void regieWithGgz(UUID caseId) throws Exception {
        takeRegie(caseId);
        MvcResult proposed = propose(caseId, TestUsers.wijkcoach(), regieTo("ggz-breburg"));
        assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult accepted = action(read(proposed).get("id").asText(), "accept", TestUsers.partnerGgz());
        assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString()).isEqualTo(200);
    }

    private void takeRegie(UUID caseId) throws Exception {
        MvcResult taken = mvc.perform(post("/api/v1/cases/" + caseId + "/regie/take").with(TestUsers.wijkcoach())).andReturn();
        assertThat(taken.getResponse().getStatus()).as(taken.getResponse().getContentAsString()).isEqualTo(200);
    }

    private List<String> werkbak(RequestPostProcessor user) throws Exception {
        return allItems("/api/v1/tasks", user).findValuesAsText("id");
    }

    private void assertCompleted(String taskId, RequestPostProcessor user, Map<String, Object> input) throws Exception {
        MvcResult completed = complete(taskId, user, input);
        assertThat(completed.getResponse().getStatus()).as(completed.getResponse().getContentAsString()).isEqualTo(204);
    }

    private static Map<String, Object> regieTo(String receiver) {
        Map<String, Object> consent = new HashMap<>(Map.of("basis", "CONSENT", "givenBy", "Anna de Vries",
                "givenAt", Instant.now().minusSeconds(3600).toString(), "form", "IN_GESPREK", "leefgebieden", List.of("FINANCIEN")));
        return new HashMap<>(Map.of("scope", "REGIE", "receiverOrganisation", receiver,
                "note", "Anna vertelt haar verhaal liever niet opnieuw.", "consent", consent));
    }

    private MvcResult propose(UUID caseId, RequestPostProcessor user, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + caseId + "/handovers").with(user).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn();
    }

    private MvcResult action(String handoverId, String action, RequestPostProcessor user) throws Exception {
        return mvc.perform(post("/api/v1/handovers/" + handoverId + "/" + action).with(user)).andReturn();
    }
}
