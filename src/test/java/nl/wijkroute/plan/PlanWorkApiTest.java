package nl.wijkroute.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.dao.DataAccessException;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Partners work in the plan (issue 16 item 1, decision 0043): the owning organisation reports status and
 * progress on its actions without a new version or agreement; partners propose content changes that the
 * casusregisseur accepts into a new version (agreement needed again) or declines with a reason; another
 * organisation's action and anything outside the consent answer 404 and are logged as refused.
 */
class PlanWorkApiTest extends ApiTestSupport {

    private static final RequestPostProcessor THUISZORG = TestUsers.user("thuiszorg", List.of("partner"),
            Map.of("organisation", "thuiszorg-west"));

    @Autowired
    OrganisationService organisations;

    @BeforeEach
    void partners() {
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
        organisations.ensure("schuldhulp-stad", "Schuldhulp Stad", OrganisationType.SCHULDHULP);
    }

    @Test
    void aPartnerStartsReportsOnAndFinishesItsOwnActionWithoutANewVersionOrNewAgreement() throws Exception {
        UUID caseId = openCaseInNoord();
        JsonNode plan = agreedPlanWithTwoPartners(caseId);
        String ggzAction = actionId(plan, "Intake POH-GGZ");

        JsonNode before = getJson(actionUrl(caseId, ggzAction), TestUsers.partnerGgz());
        assertThat(before.get("status").asText()).isEqualTo("PLANNED");
        assertThat(before.get("revision").asInt()).isZero();

        MvcResult started = send(post(actionUrl(caseId, ggzAction) + "/status"), TestUsers.partnerGgz(),
                Map.of("status", "IN_PROGRESS", "basedOnRevision", 0));
        assertThat(started.getResponse().getStatus()).as(started.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(started.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        MvcResult noted = send(post(actionUrl(caseId, ggzAction) + "/notes"), TestUsers.partnerGgz(),
                Map.of("date", LocalDate.now(MunicipalTime.ZONE).minusDays(1).toString(), "text", "Intake gehad, behandeling start volgende week."));
        assertThat(noted.getResponse().getStatus()).as(noted.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult done = send(post(actionUrl(caseId, ggzAction) + "/status"), TestUsers.partnerGgz2(),
                Map.of("status", "DONE", "basedOnRevision", 1));
        assertThat(done.getResponse().getStatus()).as(done.getResponse().getContentAsString()).isEqualTo(200);

        JsonNode action = read(done);
        assertThat(action.get("status").asText()).isEqualTo("DONE");
        assertThat(action.get("history").findValuesAsText("kind")).containsExactly("STATUS", "NOTE", "STATUS");
        assertThat(action.get("history").get(1).get("date").asText()).isEqualTo(LocalDate.now(MunicipalTime.ZONE).minusDays(1).toString());
        assertThat(action.get("history").get(1).get("author").asText()).isEqualTo("partner-ggz");
        assertThat(action.get("history").get(1).get("text").asText()).startsWith("Intake gehad");
        assertThat(action.get("history").get(2).get("author").asText()).isEqualTo("partner-ggz-2");

        // No content change: still version 2, still agreed; the live status shows in the plan for everyone.
        assertThat(getJson(planUrl(caseId) + "/versions", TestUsers.wijkcoach())).hasSize(2);
        JsonNode current = getJson(planUrl(caseId), TestUsers.wijkcoach());
        assertThat(current.get("version").asInt()).isEqualTo(2);
        assertThat(current.hasNonNull("agreement")).isTrue();
        assertThat(statusOf(current, "Intake POH-GGZ")).isEqualTo("DONE");
        assertThat(statusOf(getJson(planUrl(caseId), TestUsers.partnerGgz()), "Intake POH-GGZ")).isEqualTo("DONE");
        assertThat(getJson(planUrl(caseId) + "/versions/2", TestUsers.wijkcoach()).toString())
                .as("a version stays as it was written").contains("PLANNED").doesNotContain("DONE");
        assertThat(getJson(actionUrl(caseId, ggzAction), TestUsers.wijkcoach()).get("history")).hasSize(3);
        assertThat(logged("partner-ggz", caseId, "UPDATE", "GRANTED")).as("every write is in the access log").isEqualTo(2);
        assertThat(logged("partner-ggz-2", caseId, "UPDATE", "GRANTED")).isEqualTo(1);
    }

    @Test
    void badTransitionsAre409AndBadInputIs400ByFieldAndChangeNothing() throws Exception {
        UUID caseId = openCaseInNoord();
        String ggzAction = actionId(agreedPlanWithTwoPartners(caseId), "Intake POH-GGZ");
        String status = actionUrl(caseId, ggzAction) + "/status";
        int events = events();

        assertProblem(send(post(status), TestUsers.partnerGgz(), Map.of("status", "DONE", "basedOnRevision", 0)), 409);
        assertProblem(send(post(status), TestUsers.partnerGgz(), Map.of("status", "CANCELLED", "basedOnRevision", 0)),
                400, "reason");
        assertProblem(send(post(status), TestUsers.partnerGgz(), Map.of("status", "AF", "basedOnRevision", 0)), 400, "status");
        assertProblem(send(post(status), TestUsers.partnerGgz(), Map.of("status", "IN_PROGRESS")), 400, "basedOnRevision");
        assertProblem(send(post(actionUrl(caseId, ggzAction) + "/notes"), TestUsers.partnerGgz(),
                Map.of("date", LocalDate.now(MunicipalTime.ZONE).plusDays(2).toString(), "text", " ")), 400, "date", "text");
        assertThat(events()).isEqualTo(events);

        send(post(status), TestUsers.partnerGgz(), Map.of("status", "IN_PROGRESS", "basedOnRevision", 0));
        MvcResult stale = send(post(status), TestUsers.partnerGgz2(), Map.of("status", "DONE", "basedOnRevision", 0));
        assertProblem(stale, 409);
        assertThat(read(stale).get("currentRevision").asInt()).isEqualTo(1);
        MvcResult stopped = send(post(status), TestUsers.partnerGgz(), Map.of("status", "CANCELLED", "basedOnRevision", 1,
                "reason", "Huishouden wil geen behandeling meer"));
        assertThat(stopped.getResponse().getStatus()).as(stopped.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(read(stopped).get("stopReason").asText()).isEqualTo("Huishouden wil geen behandeling meer");
        MvcResult restart = send(post(status), TestUsers.partnerGgz(), Map.of("status", "IN_PROGRESS", "basedOnRevision", 2));
        assertProblem(restart, 409);
        assertThat(read(restart).get("currentStatus").asText()).isEqualTo("CANCELLED");
        assertThat(events()).isEqualTo(events + 2);
        assertThatThrownBy(() -> jdbc.update("update plan_action_event set text = 'anders'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void twoColleaguesReportingAtOnceGetOne200AndOne409() throws Exception {
        UUID caseId = openCaseInNoord();
        String ggzAction = actionId(agreedPlanWithTwoPartners(caseId), "Intake POH-GGZ");
        List<RequestPostProcessor> colleagues = List.of(TestUsers.partnerGgz(), TestUsers.partnerGgz2(),
                TestUsers.partnerGgz(), TestUsers.partnerGgz2(), TestUsers.partnerGgz(), TestUsers.partnerGgz2());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(colleagues.size());
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (RequestPostProcessor colleague : colleagues) {
                results.add(pool.submit(() -> send(post(actionUrl(caseId, ggzAction) + "/status"), colleague,
                        Map.of("status", "IN_PROGRESS", "basedOnRevision", 0)).getResponse().getStatus()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(getJson(actionUrl(caseId, ggzAction), TestUsers.wijkcoach()).get("history")).hasSize(1);
    }

    @Test
    void aNewerPlanVersionCarriesTheStatusItsWriterSawAndTheNewerRecordCounts() throws Exception {
        UUID caseId = openCaseInNoord();
        String ggzAction = actionId(agreedPlanWithTwoPartners(caseId), "Intake POH-GGZ");
        send(post(actionUrl(caseId, ggzAction) + "/status"), TestUsers.partnerGgz(),
                Map.of("status", "IN_PROGRESS", "basedOnRevision", 0));

        // The team edits the plan from what it sees (the reported status) and marks the intake done in the new version.
        JsonNode seen = getJson(planUrl(caseId), TestUsers.wijkcoach());
        assertThat(statusOf(seen, "Intake POH-GGZ")).isEqualTo("IN_PROGRESS");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> goals = json.convertValue(seen.get("goals"), List.class);
        goals.forEach(goal -> goal.values().removeIf(value -> value == null));
        for (Map<String, Object> goal : goals) {
            for (Object action : (List<?>) goal.get("actions")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) action;
                fields.values().removeIf(value -> value == null);
                if (fields.get("id").equals(ggzAction)) {
                    fields.put("status", "DONE");
                }
            }
        }
        MvcResult edited = send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(planUrl(caseId)),
                TestUsers.wijkcoach(), Map.of("basedOnVersion", 2, "goals", goals));
        assertThat(edited.getResponse().getStatus()).as(edited.getResponse().getContentAsString()).isEqualTo(200);

        assertThat(statusOf(getJson(planUrl(caseId), TestUsers.partnerGgz()), "Intake POH-GGZ")).isEqualTo("DONE");
        MvcResult afterDone = send(post(actionUrl(caseId, ggzAction) + "/status"), TestUsers.partnerGgz(),
                Map.of("status", "CANCELLED", "basedOnRevision", 1, "reason", "Te laat"));
        assertProblem(afterDone, 409);
        assertThat(read(afterDone).get("currentStatus").asText()).isEqualTo("DONE");
    }

    @Test
    void anotherOrganisationsActionAndAnUninvolvedPartnerGet404LoggedAndWrongRoles403() throws Exception {
        UUID caseId = openCaseInNoord();
        JsonNode plan = agreedPlanWithTwoPartners(caseId);
        String schuldhulpAction = actionId(plan, "Schuldhulptraject");
        String householdAction = actionId(plan, "Dagritme bijhouden");
        int events = events();
        int denied = logged("partner-ggz", caseId, null, "DENIED");

        for (String other : List.of(schuldhulpAction, householdAction, UUID.randomUUID().toString())) {
            assertProblem(mvc.perform(get(actionUrl(caseId, other)).with(TestUsers.partnerGgz())).andReturn(), 404);
            assertProblem(send(post(actionUrl(caseId, other) + "/status"), TestUsers.partnerGgz(),
                    Map.of("status", "IN_PROGRESS", "basedOnRevision", 0)), 404);
            assertProblem(send(post(actionUrl(caseId, other) + "/notes"), TestUsers.partnerGgz(),
                    Map.of("date", LocalDate.now(MunicipalTime.ZONE).toString(), "text", "Niet van ons")), 404);
        }
        assertThat(logged("partner-ggz", caseId, null, "DENIED")).as("each refusal is logged").isEqualTo(denied + 9);
        assertProblem(send(post(actionUrl(caseId, schuldhulpAction) + "/status"), THUISZORG,
                Map.of("status", "IN_PROGRESS", "basedOnRevision", 0)), 404);
        assertThat(logged("thuiszorg", caseId, "UPDATE", "DENIED")).isEqualTo(1);
        assertProblem(send(post(actionUrl(caseId, schuldhulpAction) + "/status"), TestUsers.wijkcoach2(),
                Map.of("status", "IN_PROGRESS", "basedOnRevision", 0)), 404);
        assertProblem(send(post(actionUrl(caseId, schuldhulpAction) + "/status"), TestUsers.frontoffice(),
                Map.of("status", "IN_PROGRESS", "basedOnRevision", 0)), 403);
        assertProblem(mvc.perform(get(actionUrl(caseId, schuldhulpAction)).with(TestUsers.manager())).andReturn(), 403);
        assertThat(events()).isEqualTo(events);

        // The owner itself, and the team for any action of its case.
        assertThat(send(post(actionUrl(caseId, schuldhulpAction) + "/status"), TestUsers.partnerSchuldhulp(),
                Map.of("status", "IN_PROGRESS", "basedOnRevision", 0)).getResponse().getStatus()).isEqualTo(200);
        assertThat(send(post(actionUrl(caseId, householdAction) + "/notes"), TestUsers.wijkcoach(),
                Map.of("date", LocalDate.now(MunicipalTime.ZONE).toString(), "text", "Loopt goed")).getResponse().getStatus()).isEqualTo(201);
    }

    @Test
    void aPartnerProposesChangesTheRegisseurAcceptsOneIntoANewVersionThatNeedsAgreementAndDeclinesAnother() throws Exception {
        UUID caseId = openCaseInNoord();
        JsonNode plan = agreedPlanWithTwoPartners(caseId);
        String ggzGoal = goalIdOf(plan, "Intake POH-GGZ");
        String schuldhulpGoal = goalIdOf(plan, "Schuldhulptraject");
        String target = LocalDate.now(MunicipalTime.ZONE).plusMonths(9).toString();

        MvcResult action = send(post(proposalsUrl(caseId)), TestUsers.partnerGgz(), Map.of("kind", "NEW_ACTION",
                "goalId", ggzGoal, "actionDescription", "Groepstraining dagstructuur", "actionOwnerType", "PARTNER",
                "motivation", "Na de intake blijkt dit nodig."));
        assertThat(action.getResponse().getStatus()).as(action.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult date = send(post(proposalsUrl(caseId)), TestUsers.partnerGgz(), Map.of("kind", "TARGET_DATE",
                "goalId", ggzGoal, "targetDate", target));
        assertThat(date.getResponse().getStatus()).as(date.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(getJson(planUrl(caseId) + "/versions", TestUsers.wijkcoach())).as("a proposal is no version").hasSize(2);

        JsonNode seenByTeam = getJson(proposalsUrl(caseId), TestUsers.wijkcoach());
        assertThat(seenByTeam.findValuesAsText("status")).containsExactly("PROPOSED", "PROPOSED");
        assertThat(getJson(proposalsUrl(caseId), TestUsers.partnerSchuldhulp())).as("another organisation's proposals").isEmpty();

        String actionProposal = read(action).get("id").asText();
        assertProblem(send(post(proposalsUrl(caseId) + "/" + actionProposal + "/accept"), TestUsers.partnerGgz(),
                Map.of("basedOnVersion", 2)), 403);
        MvcResult stale = send(post(proposalsUrl(caseId) + "/" + actionProposal + "/accept"), TestUsers.wijkcoach(),
                Map.of("basedOnVersion", 1));
        assertProblem(stale, 409);
        assertThat(read(stale).get("currentVersion").asInt()).isEqualTo(2);
        MvcResult accepted = send(post(proposalsUrl(caseId) + "/" + actionProposal + "/accept"), TestUsers.wijkcoach(),
                Map.of("basedOnVersion", 2));
        assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(read(accepted).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(read(accepted).get("acceptedInVersion").asInt()).isEqualTo(3);
        assertProblem(send(post(proposalsUrl(caseId) + "/" + actionProposal + "/accept"), TestUsers.wijkcoach(),
                Map.of("basedOnVersion", 3)), 409);

        JsonNode v3 = getJson(planUrl(caseId), TestUsers.wijkcoach());
        assertThat(v3.get("version").asInt()).isEqualTo(3);
        assertThat(v3.hasNonNull("agreement")).as("a content change needs the household's agreement again").isFalse();
        assertThat(v3.get("changeNote").asText()).contains("ggz-breburg");
        JsonNode diff = getJson(planUrl(caseId) + "/diff?from=2&to=3", TestUsers.wijkcoach());
        assertThat(diff.get("changes").findValuesAsText("kind")).contains("ACTION_ADDED", "AGREEMENT_CHANGED");
        assertThat(getJson(planUrl(caseId), TestUsers.partnerGgz()).get("goals").findValuesAsText("description"))
                .as("the new action is GGZ's own").contains("Groepstraining dagstructuur");

        String dateProposal = read(date).get("id").asText();
        assertProblem(send(post(proposalsUrl(caseId) + "/" + dateProposal + "/decline"), TestUsers.wijkcoach(), Map.of()),
                400, "reason");
        MvcResult declined = send(post(proposalsUrl(caseId) + "/" + dateProposal + "/decline"), TestUsers.wijkcoach(),
                Map.of("reason", "Eerst de training afwachten."));
        assertThat(declined.getResponse().getStatus()).as(declined.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode seenByGgz = getJson(proposalsUrl(caseId), TestUsers.partnerGgz());
        assertThat(seenByGgz.findValuesAsText("declineReason")).containsExactly("Eerst de training afwachten.");
        assertThat(getJson(planUrl(caseId) + "/versions", TestUsers.wijkcoach())).as("declining writes no version").hasSize(3);
        assertThat(logged("partner-ggz", caseId, "CREATE", "GRANTED")).isEqualTo(2);
        assertThat(logged("wijkcoach", caseId, "UPDATE", "GRANTED")).as("agreement, accept, decline; a 409 rolls back with its entry")
                .isEqualTo(3);
    }

    @Test
    void aProposalOutsideTheConsentIsRefusedAndBadProposalsNameTheField() throws Exception {
        UUID caseId = openCaseInNoord();
        JsonNode plan = agreedPlanWithTwoPartners(caseId);
        String schuldhulpGoal = goalIdOf(plan, "Schuldhulptraject");
        String ggzGoal = goalIdOf(plan, "Intake POH-GGZ");
        int proposals = proposals();
        int denied = logged("partner-ggz", caseId, "CREATE", "DENIED");

        // GGZ has no action under the money goal and no consent for FINANCIEN: it does not exist for them.
        assertProblem(send(post(proposalsUrl(caseId)), TestUsers.partnerGgz(), Map.of("kind", "TARGET_DATE",
                "goalId", schuldhulpGoal, "targetDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(2).toString())), 404);
        assertProblem(send(post(proposalsUrl(caseId)), TestUsers.partnerGgz(), Map.of("kind", "NEW_ACTION",
                "goalId", UUID.randomUUID().toString(), "actionDescription", "Iets", "actionOwnerType", "PARTNER")), 404);
        assertThat(logged("partner-ggz", caseId, "CREATE", "DENIED")).isEqualTo(denied + 2);
        assertProblem(send(post(proposalsUrl(caseId)), THUISZORG, Map.of("kind", "TARGET_DATE",
                "goalId", ggzGoal, "targetDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(2).toString())), 404);

        assertProblem(send(post(proposalsUrl(caseId)), TestUsers.partnerGgz(), Map.of("kind", "NEW_GOAL",
                "leefgebied", "FINANCIEN", "goalDescription", "Geld", "goalResult", "Op orde",
                "targetDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(2).toString())), 400, "leefgebied");
        assertProblem(send(post(proposalsUrl(caseId)), TestUsers.partnerGgz(), Map.of("kind", "NEW_GOAL",
                "leefgebied", "FINANCIEN", "goalResult", "Op orde")), 400, "goalDescription");
        assertProblem(send(post(proposalsUrl(caseId)), TestUsers.partnerGgz(), Map.of("kind", "TARGET_DATE",
                "goalId", ggzGoal, "targetDate", "2020-01-01")), 400, "targetDate");
        assertProblem(send(post(proposalsUrl(caseId)), TestUsers.partnerGgz(), Map.of("kind", "TARGET_DATE",
                "goalId", ggzGoal)), 400, "targetDate");
        assertProblem(send(post(proposalsUrl(caseId)), TestUsers.partnerGgz(), Map.of("kind", "NEW_ACTION",
                "goalId", ggzGoal, "actionDescription", "Iets")), 400, "actionOwnerType");
        assertProblem(send(post(proposalsUrl(caseId)), TestUsers.partnerGgz(), Map.of("kind", "VERHUIZEN")), 400, "kind");
        assertProblem(send(post(proposalsUrl(caseId)), TestUsers.wijkcoach(), Map.of("kind", "NEW_GOAL")), 403);
        assertProblem(send(post(proposalsUrl(caseId) + "/" + UUID.randomUUID() + "/accept"), TestUsers.wijkcoach(),
                Map.of("basedOnVersion", 2)), 404);
        assertProblem(send(post(proposalsUrl(caseId) + "/" + UUID.randomUUID() + "/decline"), TestUsers.wijkcoach2(),
                Map.of("reason", "Nee")), 404);
        assertThat(proposals()).isEqualTo(proposals);
    }

    @Test
    void aPartnerWithConsentForALeefgebiedProposesANewGoalThere() throws Exception {
        UUID caseId = caseInRegie();
        assertThat(mvc.perform(post("/api/v1/cases/" + caseId + "/regie/take").with(TestUsers.wijkcoach())).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        Map<String, Object> consent = Map.of("basis", "CONSENT", "givenBy", "Anna de Vries",
                "givenAt", Instant.now().minusSeconds(3600).toString(), "form", "IN_GESPREK", "leefgebieden", List.of("FINANCIEN"));
        MvcResult handover = send(post("/api/v1/cases/" + caseId + "/handovers"), TestUsers.wijkcoach(),
                Map.of("scope", "REGIE", "receiverOrganisation", "schuldhulp-stad", "consent", consent));
        assertThat(handover.getResponse().getStatus()).as(handover.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(mvc.perform(post("/api/v1/handovers/" + read(handover).get("id").asText() + "/accept")
                .with(TestUsers.partnerSchuldhulp())).andReturn().getResponse().getStatus()).isEqualTo(200);
        int version = getJson(planUrl(caseId), TestUsers.wijkcoach()).get("version").asInt();

        MvcResult proposed = send(post(proposalsUrl(caseId)), TestUsers.partnerSchuldhulp(), new HashMap<>(Map.of(
                "kind", "NEW_GOAL", "leefgebied", "FINANCIEN", "goalDescription", "Vaste lasten automatisch betalen",
                "goalResult", "Geen nieuwe achterstanden", "targetDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(4).toString(),
                "actionDescription", "Budgetbeheer inrichten", "actionOwnerType", "PARTNER")));
        assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult accepted = send(post(proposalsUrl(caseId) + "/" + read(proposed).get("id").asText() + "/accept"),
                TestUsers.wijkcoach(), Map.of("basedOnVersion", version));
        assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString()).isEqualTo(200);

        JsonNode seen = getJson(planUrl(caseId), TestUsers.partnerSchuldhulp());
        assertThat(seen.get("goals").findValuesAsText("description")).contains("Vaste lasten automatisch betalen");
        assertThat(seen.get("goals").findValuesAsText("organisationId")).contains("schuldhulp-stad");
        String newAction = actionId(seen, "Budgetbeheer inrichten");
        assertThat(send(post(actionUrl(caseId, newAction) + "/status"), TestUsers.partnerSchuldhulp(),
                Map.of("status", "IN_PROGRESS", "basedOnRevision", 0)).getResponse().getStatus()).isEqualTo(200);
    }

    /**
     * Version 1: money (schuldhulp) and mental health (GGZ, with an action of the household itself);
     * version 2: agreed with the household.
     */
    private JsonNode agreedPlanWithTwoPartners(UUID caseId) throws Exception {
        String target = LocalDate.now(MunicipalTime.ZONE).plusMonths(6).toString();
        MvcResult created = send(post(planUrl(caseId)), TestUsers.wijkcoach(), Map.of("goals", List.of(
                Map.of("leefgebied", "FINANCIEN", "description", "Grip op geld", "result", "Schulden in een regeling",
                        "targetDate", target, "actions", List.of(action("Schuldhulptraject", "PARTNER", "schuldhulp-stad"))),
                Map.of("leefgebied", "GEESTELIJKE_GEZONDHEID", "description", "Weer grip op de dag", "result", "Behandeling loopt",
                        "targetDate", target, "actions", List.of(action("Intake POH-GGZ", "PARTNER", "ggz-breburg"),
                                action("Dagritme bijhouden", "HOUSEHOLD", null))))));
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult agreed = send(post(planUrl(caseId) + "/agreement"), TestUsers.wijkcoach(), Map.of("basedOnVersion", 1,
                "agreedAt", Instant.now().minusSeconds(60).toString(), "form", "IN_GESPREK", "agreedBy", "Anna de Vries"));
        assertThat(agreed.getResponse().getStatus()).as(agreed.getResponse().getContentAsString()).isEqualTo(200);
        return read(agreed);
    }

    private static Map<String, Object> action(String description, String ownerType, String organisationId) {
        Map<String, Object> action = new HashMap<>(Map.of("description", description, "ownerType", ownerType, "status", "PLANNED"));
        if (organisationId != null) {
            action.put("organisationId", organisationId);
        }
        return action;
    }

    private static JsonNode actionNode(JsonNode plan, String description) {
        for (JsonNode goal : plan.get("goals")) {
            for (JsonNode action : goal.get("actions")) {
                if (action.get("description").asText().equals(description)) {
                    return action;
                }
            }
        }
        throw new AssertionError("no action " + description + " in " + plan);
    }

    private static String actionId(JsonNode plan, String description) {
        return actionNode(plan, description).get("id").asText();
    }

    private static String statusOf(JsonNode plan, String description) {
        return actionNode(plan, description).get("status").asText();
    }

    private static String goalIdOf(JsonNode plan, String actionDescription) {
        for (JsonNode goal : plan.get("goals")) {
            if (goal.get("actions").findValuesAsText("description").contains(actionDescription)) {
                return goal.get("id").asText();
            }
        }
        throw new AssertionError("no goal with action " + actionDescription);
    }

    private int logged(String username, UUID caseId, String action, String outcome) {
        return jdbc.queryForObject("""
                select count(*) from access_log where username = ? and case_id = ? and data_category = 'PLAN'
                  and outcome = ? and (cast(? as text) is null or action = ?)""",
                Integer.class, username, caseId, outcome, action, action);
    }

    private int events() {
        return jdbc.queryForObject("select count(*) from plan_action_event", Integer.class);
    }

    private int proposals() {
        return jdbc.queryForObject("select count(*) from plan_change_proposal", Integer.class);
    }

    private static String planUrl(UUID caseId) {
        return "/api/v1/cases/" + caseId + "/plan";
    }

    private static String actionUrl(UUID caseId, String actionId) {
        return planUrl(caseId) + "/actions/" + actionId;
    }

    private static String proposalsUrl(UUID caseId) {
        return planUrl(caseId) + "/proposals";
    }
}
