package nl.wijkroute.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.partner.OrganisationType;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class HandoverApiTest extends ApiTestSupport {

    @Autowired
    OrganisationService organisations;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @BeforeEach
    void partners() {
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
        organisations.ensure("schuldhulp-stad", "Schuldhulp Stad", OrganisationType.SCHULDHULP);
    }

    @Test
    void regieChangesHandsOnlyWhenTheReceiverAcceptsAndTheReceiverSeesOnlyWhatTheConsentCovers() throws Exception {
        UUID caseId = caseInRegieHeldByWijkcoach();
        JsonNode regie = getJson(regieUrl(caseId), TestUsers.wijkcoach());
        assertThat(regie.get("casusregie").get("holder").asText()).isEqualTo("wijkcoach");
        assertThat(regie.get("history").findValuesAsText("startedVia")).containsExactly("CASE_OPENED", "TAKEN_WITHIN_TEAM");

        MvcResult proposed = propose(caseId, TestUsers.wijkcoach(), regieTo("ggz-breburg", List.of("FINANCIEN")));
        assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString()).isEqualTo(201);
        String handoverId = read(proposed).get("id").asText();

        JsonNode asReceiver = getJson("/api/v1/handovers/" + handoverId, TestUsers.partnerGgz());
        assertThat(asReceiver.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(asReceiver.get("summary").get("realQuestion").asText()).isEqualTo("Rust in de financiën.");
        assertThat(asReceiver.get("summary").get("assessments").findValuesAsText("leefgebied")).containsOnly("FINANCIEN");
        assertThat(asReceiver.toString()).doesNotContain("Ik wil weer werken").as("werk was not consented");
        assertThat(asReceiver.get("summary").get("goals").findValuesAsText("leefgebied")).containsOnly("FINANCIEN");
        assertThat(allItems("/api/v1/handovers?direction=INCOMING", TestUsers.partnerGgz()).findValuesAsText("id")).contains(handoverId);
        assertThat(getJson(regieUrl(caseId), TestUsers.wijkcoach()).get("casusregie").get("holder").asText())
                .as("until acceptance the sender stays responsible").isEqualTo("wijkcoach");

        // Another organisation neither sees nor accepts it.
        assertProblem(mvc.perform(get("/api/v1/handovers/" + handoverId).with(TestUsers.partnerSchuldhulp())).andReturn(), 404);
        Map<String, Integer> before = rowCounts();
        assertProblem(action(handoverId, "accept", TestUsers.partnerSchuldhulp(), null), 404);
        assertThat(rowCounts()).isEqualTo(before);

        MvcResult accepted = action(handoverId, "accept", TestUsers.partnerGgz(), null);
        assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(read(accepted).get("status").asText()).isEqualTo("ACCEPTED");
        JsonNode after = getJson(regieUrl(caseId), TestUsers.wijkcoach());
        assertThat(after.get("casusregie").get("holder").asText()).isEqualTo("partner-ggz");
        assertThat(after.get("casusregie").get("holderOrganisation").asText()).isEqualTo("ggz-breburg");
        assertThat(after.get("casusregie").get("startedVia").asText()).isEqualTo("WARME_OVERDRACHT");
        assertThat(after.get("history")).hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from regie_assignment where case_id = ? and kind = 'CASUSREGIE' and ended_at is null",
                Integer.class, caseId)).isEqualTo(1);
    }

    @Test
    void aPartnerHoldingRegiePassesOnOnlyWhatTheHouseholdSharedWithThem() throws Exception {
        UUID caseId = caseInRegieHeldByWijkcoach();
        String toGgz = read(propose(caseId, TestUsers.wijkcoach(), regieTo("ggz-breburg", List.of("FINANCIEN")))).get("id").asText();
        assertThat(action(toGgz, "accept", TestUsers.partnerGgz(), null).getResponse().getStatus()).isEqualTo(200);
        Map<String, Integer> before = rowCounts();

        MvcResult wider = propose(caseId, TestUsers.partnerGgz(), regieTo("schuldhulp-stad", List.of("FINANCIEN", "WERK_EN_OPLEIDING")));
        assertProblem(wider, 400, "consent.leefgebieden");
        assertThat(wider.getResponse().getContentAsString()).doesNotContain("Ik wil weer werken");
        assertThat(rowCounts()).isEqualTo(before);

        MvcResult onward = propose(caseId, TestUsers.partnerGgz(), regieTo("schuldhulp-stad", List.of("FINANCIEN")));
        assertThat(onward.getResponse().getStatus()).as(onward.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(read(onward).get("summary").get("assessments").findValuesAsText("leefgebied")).containsOnly("FINANCIEN");
    }

    @Test
    void aRegieHandoverBeforeThePlanExistsSharesTheSignalAndTheVraagverheldering() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        String member = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("household").get("members").get(0).get("id").asText();
        assess(caseId, member, "FINANCIEN", "De rekeningen stapelen zich op.");
        assess(caseId, member, "WERK_EN_OPLEIDING", "Ik wil weer werken.");
        fillRestOfGrid(caseId);
        step(caseId, "vraagverheldering", TestUsers.wijkcoach(), Map.of("outcome", "TO_PLAN", "realQuestion", "Rust in de financiën."));
        assertThat(mvc.perform(post(regieUrl(caseId) + "/take").with(TestUsers.wijkcoach())).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        MvcResult proposed = propose(caseId, TestUsers.wijkcoach(), regieTo("ggz-breburg", List.of("FINANCIEN", "WERK_EN_OPLEIDING")));

        assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode summary = getJson("/api/v1/handovers/" + read(proposed).get("id").asText(), TestUsers.partnerGgz()).get("summary");
        assertThat(summary.get("realQuestion").asText()).isEqualTo("Rust in de financiën.");
        assertThat(summary.get("assessments").findValuesAsText("leefgebied")).containsExactlyInAnyOrder("FINANCIEN", "WERK_EN_OPLEIDING");
        assertThat(summary.get("goals")).as("no plan yet: no goals").isEmpty();
        assertThat(summary.get("signals").findValuesAsText("description"))
                .containsExactly("Inwoner meldt zich bij het loket met vragen over schulden en werk.");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(read(proposed).get("id").asText()).count())
                .as("the receiver's task waits").isEqualTo(1);
    }

    @Test
    void aSignalIsSharedOnlyWhenTheConsentCoversAllItsLeefgebieden() throws Exception {
        UUID caseId = caseInRegieHeldByWijkcoach();

        MvcResult proposed = propose(caseId, TestUsers.wijkcoach(), regieTo("ggz-breburg", List.of("FINANCIEN")));

        assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(read(proposed).get("summary").get("signals")).as("the signal also speaks of werk, not consented").isEmpty();
        assertThat(read(proposed).toString()).doesNotContain("schulden en werk");
    }

    @Test
    void aSafetySignalAndEverySignalOfAPartnerSenderStayWithTheWijkteam() throws Exception {
        UUID caseId = caseInRegieHeldByWijkcoach();
        String householdId = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("household").get("id").asText();
        signalAbout(householdId, "Alleen vragen over geld.", false);
        signalAbout(householdId, "Buurvrouw hoort 's nachts geschreeuw en maakt zich zorgen.", true);

        MvcResult toGgz = propose(caseId, TestUsers.wijkcoach(), regieTo("ggz-breburg", List.of("FINANCIEN")));
        assertThat(toGgz.getResponse().getStatus()).as(toGgz.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(read(toGgz).get("summary").get("signals").findValuesAsText("description"))
                .as("a signal about safety is not passed on by consent per leefgebied").containsExactly("Alleen vragen over geld.");
        assertThat(action(read(toGgz).get("id").asText(), "accept", TestUsers.partnerGgz(), null).getResponse().getStatus())
                .isEqualTo(200);

        MvcResult onward = propose(caseId, TestUsers.partnerGgz(), regieTo("schuldhulp-stad", List.of("FINANCIEN")));
        assertThat(onward.getResponse().getStatus()).as(onward.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(read(onward).get("summary").get("signals")).as("a partner never reads the case file's signals").isEmpty();
        assertThat(onward.getResponse().getContentAsString()).doesNotContain("Alleen vragen over geld.");
    }

    private void signalAbout(String householdId, String description, boolean safetyConcern) throws Exception {
        Map<String, Object> signal = new java.util.LinkedHashMap<>();
        signal.put("householdId", householdId);
        signal.put("sourceType", "FRONTOFFICE");
        signal.put("description", description);
        signal.put("leefgebieden", List.of("FINANCIEN"));
        signal.put("urgency", "NORMAL");
        signal.put("safetyConcern", safetyConcern);
        MvcResult result = postSignal(signal, TestUsers.frontoffice(), UUID.randomUUID().toString());
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
    }

    @Test
    void closingTheCaseWithdrawsAPendingHandoverEndsTheReceiversTaskAndTellsThemWhy() throws Exception {
        UUID caseId = caseInRegieHeldByWijkcoach();
        String handoverId = read(propose(caseId, TestUsers.wijkcoach(), regieTo("ggz-breburg", List.of("FINANCIEN")))).get("id").asText();
        step(caseId, "plan", TestUsers.wijkcoach(), Map.of("outcome", "TO_REGIE",
                "firstEvaluationDate", java.time.LocalDate.now(nl.wijkroute.system.MunicipalTime.ZONE).plusWeeks(4).toString()));
        step(caseId, "regie", TestUsers.wijkcoach(), Map.of("outcome", "TO_EVALUATIE"));

        step(caseId, "evaluatie", TestUsers.wijkcoach(), Map.of("outcome", "CLOSE", "reason", "Doelen bereikt."));

        JsonNode asReceiver = element(allItems("/api/v1/handovers?direction=INCOMING", TestUsers.partnerGgz()), "id", handoverId);
        assertThat(asReceiver.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(asReceiver.get("declineReason").asText()).contains("afgerond");
        assertThat(asReceiver.has("summary")).as("withdrawn: the household's story stays with the sender").isFalse();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(handoverId).count())
                .as("the receiver's task and its timers end with the case").isZero();
        String handoverProcess = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(handoverId)
                .singleResult().getId();
        assertThat(managementService.createJobQuery().processInstanceId(handoverProcess).count()).as("no acceptance timer").isZero();
        assertProblem(action(handoverId, "accept", TestUsers.partnerGgz(), null), 409);
        assertThat(getJson(regieUrl(caseId), TestUsers.wijkcoach()).get("casusregie").get("holder").asText()).isEqualTo("wijkcoach");
    }

    @Test
    void plannedActionsCanBeHandedOverAndTheirOwnerChangesInANewPlanVersion() throws Exception {
        UUID caseId = caseInRegieHeldByWijkcoach();
        JsonNode plan = getJson("/api/v1/cases/" + caseId + "/plan", TestUsers.wijkcoach());
        String actionId = plan.get("goals").get(0).get("actions").get(0).get("id").asText();

        Map<String, Object> request = regieTo("schuldhulp-stad", List.of("FINANCIEN"));
        request.put("scope", "ACTIONS");
        request.put("actionIds", List.of(actionId));
        String handoverId = read(propose(caseId, TestUsers.wijkcoach(), request)).get("id").asText();
        action(handoverId, "accept", TestUsers.partnerSchuldhulp(), null);

        JsonNode newPlan = getJson("/api/v1/cases/" + caseId + "/plan", TestUsers.wijkcoach());
        assertThat(newPlan.get("version").asInt()).isEqualTo(plan.get("version").asInt() + 1);
        JsonNode moved = newPlan.get("goals").get(0).get("actions").get(0);
        assertThat(moved.get("organisationId").asText()).isEqualTo("schuldhulp-stad");
        assertThat(moved.get("professional").asText()).isEqualTo("partner-schuldhulp");
        assertThat(newPlan.get("agreement").isNull()).as("the household's agreement stays").isFalse();
        assertThat(getJson(regieUrl(caseId), TestUsers.wijkcoach()).get("casusregie").get("holder").asText()).isEqualTo("wijkcoach");
    }

    @Test
    void aDeclineNeedsAReasonAndLeavesEverythingWithTheSender() throws Exception {
        UUID caseId = caseInRegieHeldByWijkcoach();
        String handoverId = read(propose(caseId, TestUsers.wijkcoach(), regieTo("ggz-breburg", List.of("FINANCIEN")))).get("id").asText();

        assertProblem(action(handoverId, "decline", TestUsers.partnerGgz(), Map.of()), 400, "reason");
        MvcResult declined = action(handoverId, "decline", TestUsers.partnerGgz(), Map.of("reason", "Geen behandelplek tot maart"));

        assertThat(read(declined).get("status").asText()).isEqualTo("DECLINED");
        assertThat(read(declined).get("declineReason").asText()).isEqualTo("Geen behandelplek tot maart");
        assertThat(getJson("/api/v1/handovers/" + handoverId, TestUsers.partnerGgz()).has("summary"))
                .as("the organisation that declined keeps the offer, not the household's story").isFalse();
        JsonNode inList = element(allItems("/api/v1/handovers?direction=INCOMING", TestUsers.partnerGgz()), "id", handoverId);
        assertThat(inList.has("summary") || inList.has("consent")).as("nor in the incoming list").isFalse();
        assertThat(getJson("/api/v1/handovers/" + handoverId, TestUsers.wijkcoach()).get("summary").get("realQuestion").asText())
                .as("the sender keeps it").isEqualTo("Rust in de financiën.");
        assertThat(getJson(regieUrl(caseId), TestUsers.wijkcoach()).get("casusregie").get("holder").asText()).isEqualTo("wijkcoach");
        assertProblem(action(handoverId, "accept", TestUsers.partnerGgz(), null), 409);
    }

    @Test
    void theSenderCanWithdrawAPendingHandover() throws Exception {
        UUID caseId = caseInRegieHeldByWijkcoach();
        String handoverId = read(propose(caseId, TestUsers.wijkcoach(), regieTo("ggz-breburg", List.of("FINANCIEN")))).get("id").asText();

        assertProblem(action(handoverId, "withdraw", TestUsers.partnerGgz(), null), 409);
        assertThat(read(action(handoverId, "withdraw", TestUsers.wijkcoach(), null)).get("status").asText()).isEqualTo("WITHDRAWN");
        assertProblem(action(handoverId, "accept", TestUsers.partnerGgz(), null), 409);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(handoverId).count()).isZero();
    }

    @Test
    void aHandoverNotAcceptedInTimeIsMarkedOverdueAndRaisesAStagnationSignal() throws Exception {
        UUID caseId = caseInRegieHeldByWijkcoach();
        JsonNode proposed = read(propose(caseId, TestUsers.wijkcoach(), regieTo("ggz-breburg", List.of("FINANCIEN"))));
        String handoverId = proposed.get("id").asText();
        assertThat(Instant.parse(proposed.get("acceptBefore").asText())).isAfter(Instant.now().plusSeconds(5 * 86400L));

        String processId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(handoverId).singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processId).timers().singleResult().getId());

        assertThat(getJson("/api/v1/handovers/" + handoverId, TestUsers.wijkcoach()).get("overdue").asBoolean()).isTrue();
        JsonNode signals = allItems("/api/v1/stagnation-signals", TestUsers.procesregisseur());
        assertThat(signals.findValuesAsText("referenceId")).contains(handoverId);
        JsonNode signal = element(signals, "referenceId", handoverId);
        assertThat(signal.get("description").asText()).as("every procesregisseur reads it: no receiver named")
                .isEqualTo("Warme overdracht niet binnen 5 werkdagen geaccepteerd.");
        assertProblem(mvc.perform(get("/api/v1/stagnation-signals").with(TestUsers.wijkcoach())).andReturn(), 403);

        action(handoverId, "accept", TestUsers.partnerGgz(), null);
        assertThat(allItems("/api/v1/stagnation-signals", TestUsers.procesregisseur()).findValuesAsText("referenceId"))
                .as("accepted late: the signal is resolved").doesNotContain(handoverId);
    }

    @Test
    void aHandoverForANamedProfessionalIsTheirsAlone() throws Exception {
        UUID caseId = caseInRegieHeldByWijkcoach();
        Map<String, Object> request = regieTo("ggz-breburg", List.of("FINANCIEN"));
        request.put("receiverProfessional", "partner-ggz");
        String handoverId = read(propose(caseId, TestUsers.wijkcoach(), request)).get("id").asText();
        assertProblem(action(handoverId, "accept", TestUsers.partnerGgz2(), null), 409);
        assertThat(action(handoverId, "accept", TestUsers.partnerGgz(), null).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void badProposalsAreRefusedByFieldAndChangeNothing() throws Exception {
        UUID caseId = caseInRegieHeldByWijkcoach();
        Map<String, Integer> before = rowCounts();

        Map<String, Object> noConsent = regieTo("ggz-breburg", List.of("FINANCIEN"));
        noConsent.remove("consent");
        assertProblem(propose(caseId, TestUsers.wijkcoach(), noConsent), 400, "consent");
        Map<String, Object> consentWithoutWho = regieTo("ggz-breburg", List.of("FINANCIEN"));
        consent(consentWithoutWho).remove("givenBy");
        assertProblem(propose(caseId, TestUsers.wijkcoach(), consentWithoutWho), 400, "consent.givenBy");
        Map<String, Object> legalWithoutGround = regieTo("ggz-breburg", List.of("FINANCIEN"));
        consent(legalWithoutGround).put("basis", "LEGAL_GROUND");
        assertProblem(propose(caseId, TestUsers.wijkcoach(), legalWithoutGround), 400, "consent.legalGround");
        assertProblem(propose(caseId, TestUsers.wijkcoach(), regieTo("bestaat-niet", List.of("FINANCIEN"))), 400, "receiverOrganisation");
        assertProblem(propose(caseId, TestUsers.wijkcoach(), regieTo("ggz-breburg", List.of("ASTROLOGIE"))), 400,
                "consent.leefgebieden[0]");
        Map<String, Object> unknownAction = regieTo("ggz-breburg", List.of("FINANCIEN"));
        unknownAction.put("scope", "ACTIONS");
        unknownAction.put("actionIds", List.of(UUID.randomUUID().toString()));
        assertProblem(propose(caseId, TestUsers.wijkcoach(), unknownAction), 400, "actionIds[0]");
        Map<String, Object> noActions = regieTo("ggz-breburg", List.of("FINANCIEN"));
        noActions.put("scope", "ACTIONS");
        assertProblem(propose(caseId, TestUsers.wijkcoach(), noActions), 400, "actionIds");
        assertProblem(propose(caseId, TestUsers.wijkcoachNoord2(), regieTo("ggz-breburg", List.of("FINANCIEN"))), 409);
        assertProblem(propose(caseId, TestUsers.manager(), regieTo("ggz-breburg", List.of("FINANCIEN"))), 403);
        assertProblem(propose(UUID.randomUUID(), TestUsers.wijkcoach(), regieTo("ggz-breburg", List.of("FINANCIEN"))), 404);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void competingAcceptsUnderConcurrencyNeverYieldTwoRegisseurs() throws Exception {
        UUID caseId = caseInRegieHeldByWijkcoach();
        List<String> toGgz = new ArrayList<>();
        List<String> toSchuldhulp = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            toGgz.add(read(propose(caseId, TestUsers.wijkcoach(), regieTo("ggz-breburg", List.of("FINANCIEN")))).get("id").asText());
            toSchuldhulp.add(read(propose(caseId, TestUsers.wijkcoach(), regieTo("schuldhulp-stad", List.of("FINANCIEN")))).get("id").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                String ggz = toGgz.get(i);
                String schuldhulp = toSchuldhulp.get(i);
                results.add(pool.submit(() -> action(ggz, "accept", TestUsers.partnerGgz(), null).getResponse().getStatus()));
                results.add(pool.submit(() -> action(schuldhulp, "accept", TestUsers.partnerSchuldhulp(), null).getResponse().getStatus()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            long succeeded = statuses.stream().filter(status -> status == 200).count();

            assertThat(jdbc.queryForObject("select count(*) from regie_assignment where case_id = ? and kind = 'CASUSREGIE' and ended_at is null",
                    Integer.class, caseId)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from regie_assignment where case_id = ?", Integer.class, caseId))
                    .as("one handover of regie per successful accept").isEqualTo(2 + (int) succeeded);
            assertThat(jdbc.queryForObject("select count(*) from handover where case_id = ? and status = 'ACCEPTED'", Integer.class, caseId))
                    .isEqualTo((int) succeeded);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewCasesRegieLiesWithTheTeamUntilATeamMemberTakesIt() throws Exception {
        UUID caseId = openCaseInNoord();
        JsonNode regie = getJson(regieUrl(caseId), TestUsers.wijkcoach());
        assertThat(regie.get("casusregie").get("holderType").asText()).isEqualTo("TEAM");
        assertThat(regie.get("casusregie").get("holder").asText()).isEqualTo("team-noord");

        // Another team's case does not exist for wijkcoach2 (404), let alone its regie.
        assertProblem(mvc.perform(post(regieUrl(caseId) + "/take").with(TestUsers.wijkcoach2())).andReturn(), 404);
        assertThat(mvc.perform(post(regieUrl(caseId) + "/take").with(TestUsers.wijkcoach())).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertProblem(mvc.perform(post(regieUrl(caseId) + "/take").with(TestUsers.wijkcoachNoord2())).andReturn(), 409);
        assertProblem(mvc.perform(get(regieUrl(caseId)).with(TestUsers.partnerGgz())).andReturn(), 404);
        assertProblem(mvc.perform(get(regieUrl(caseId)).with(TestUsers.manager())).andReturn(), 403);
    }

    @Test
    void theRegisseurCanGiveTheHouseholdItsOwnRegieAndTheTeamTakesItBackOnlyWithAReason() throws Exception {
        UUID caseId = caseInRegieHeldByWijkcoach();
        assertProblem(mvc.perform(post(regieUrl(caseId) + "/household").with(TestUsers.wijkcoachNoord2())).andReturn(), 409);
        MvcResult eigenRegie = mvc.perform(post(regieUrl(caseId) + "/household").with(TestUsers.wijkcoach())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Anna pakt het zelf weer op\"}")).andReturn();
        assertThat(read(eigenRegie).get("casusregie").get("holderType").asText()).isEqualTo("HOUSEHOLD");

        Map<String, Integer> before = rowCounts();
        assertProblem(mvc.perform(post(regieUrl(caseId) + "/take").with(TestUsers.wijkcoachNoord2())).andReturn(), 400, "reason");
        assertThat(rowCounts()).isEqualTo(before);
        MvcResult taken = mvc.perform(post(regieUrl(caseId) + "/take").with(TestUsers.wijkcoachNoord2())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Opnieuw crisis; met Anna besproken\"}")).andReturn();
        JsonNode regie = read(taken);
        assertThat(regie.get("casusregie").get("holder").asText()).isEqualTo("wijkcoach3");
        assertThat(regie.get("casusregie").get("startedVia").asText()).isEqualTo("TAKEN_FROM_HOUSEHOLD");
        assertThat(regie.get("history").findValuesAsText("startedVia"))
                .containsExactly("CASE_OPENED", "TAKEN_WITHIN_TEAM", "EIGEN_REGIE", "TAKEN_FROM_HOUSEHOLD");
    }

    /** A household with an agreed plan whose casusregie the wijkcoach took. */
    private UUID caseInRegieHeldByWijkcoach() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        String member = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("household").get("members").get(0).get("id").asText();
        assess(caseId, member, "FINANCIEN", "De rekeningen stapelen zich op.");
        assess(caseId, member, "WERK_EN_OPLEIDING", "Ik wil weer werken.");
        fillRestOfGrid(caseId);
        step(caseId, "vraagverheldering", TestUsers.wijkcoach(), Map.of("outcome", "TO_PLAN", "realQuestion", "Rust in de financiën."));
        agreedPlan(caseId);
        MvcResult taken = mvc.perform(post(regieUrl(caseId) + "/take").with(TestUsers.wijkcoach())).andReturn();
        assertThat(taken.getResponse().getStatus()).as(taken.getResponse().getContentAsString()).isEqualTo(200);
        return caseId;
    }

    private void assess(UUID caseId, String member, String leefgebied, String ownWords) throws Exception {
        MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/cases/" + caseId + "/vraagverheldering/" + member + "/" + leefgebied).with(TestUsers.wijkcoach())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("score", 2, "ownWords", ownWords))))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
    }

    private static Map<String, Object> regieTo(String organisation, List<String> leefgebieden) {
        Map<String, Object> consent = new HashMap<>(Map.of("basis", "CONSENT", "givenBy", "Anna de Vries",
                "givenAt", Instant.now().minusSeconds(3600).toString(), "form", "IN_GESPREK", "leefgebieden", leefgebieden));
        return new HashMap<>(Map.of("scope", "REGIE", "receiverOrganisation", organisation,
                "note", "Anna wil graag dat GGZ meekijkt; zij vertelt het liever niet opnieuw.", "consent", consent));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> consent(Map<String, Object> request) {
        return (Map<String, Object>) request.get("consent");
    }

    private MvcResult propose(UUID caseId, RequestPostProcessor user, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + caseId + "/handovers").with(user).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn();
    }

    private MvcResult action(String handoverId, String action, RequestPostProcessor user, Object body) throws Exception {
        var request = post("/api/v1/handovers/" + handoverId + "/" + action).with(user);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn();
    }

    /** The element of a JSON list whose {@code field} has this value (the shared test database holds others too). */
    private static JsonNode element(JsonNode list, String field, String value) {
        return java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .filter(item -> item.get(field).asText().equals(value)).findFirst().orElseThrow();
    }

    private static String regieUrl(UUID caseId) {
        return "/api/v1/cases/" + caseId + "/regie";
    }
}
