package nl.wijkroute.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.partner.OrganisationType;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class PlanApiTest extends ApiTestSupport {

    @Autowired
    OrganisationService organisations;

    @BeforeEach
    void partners() {
        organisations.ensure("werk-en-inkomen", "Werk & Inkomen", OrganisationType.WERK_EN_INKOMEN);
        organisations.ensure("schuldhulp-stad", "Schuldhulp Stad", OrganisationType.SCHULDHULP);
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
    }

    @Test
    void oneHouseholdOnePlanWithActionsOfSeveralPartnersVersionedAndAgreed() throws Exception {
        UUID caseId = openCaseInNoord();
        MvcResult created = send(post(url(caseId)), TestUsers.wijkcoach(), movisiePlan(null));
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(created.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        JsonNode v1 = read(created);
        assertThat(v1.get("goals").findValuesAsText("organisationId"))
                .containsExactlyInAnyOrder("werk-en-inkomen", "schuldhulp-stad", "ggz-breburg");

        // Next week: schuldhulp has started, and a goal on housing is added. Ids are kept.
        Map<String, Object> edit = asMap(v1);
        edit.put("basedOnVersion", 1);
        edit.put("changeNote", "Schuldhulp gestart; huisvesting erbij");
        goalsOf(edit).get(0).get("actions").get(0).put("status", "IN_PROGRESS");
        List<Map<String, Object>> goals = new ArrayList<>(rawGoals(edit));
        goals.add(Map.of("leefgebied", "HUISVESTING", "description", "Huurachterstand weg", "result", "Geen dreigende ontruiming",
                "targetDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(3).toString()));
        edit.put("goals", goals);
        MvcResult changed = send(put(url(caseId)), TestUsers.wijkcoach(), edit);
        assertThat(changed.getResponse().getStatus()).as(changed.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(read(changed).get("version").asInt()).isEqualTo(2);

        JsonNode diff = getJson(url(caseId) + "/diff?from=1&to=2", TestUsers.wijkcoach());
        assertThat(diff.get("changes").findValuesAsText("kind")).containsExactlyInAnyOrder("ACTION_CHANGED", "GOAL_ADDED");
        JsonNode statusChange = diff.get("changes").findParents("kind").stream()
                .filter(c -> c.get("kind").asText().equals("ACTION_CHANGED")).findFirst().orElseThrow();
        assertThat(statusChange.get("field").asText()).isEqualTo("status");
        assertThat(statusChange.get("before").asText()).isEqualTo("PLANNED");
        assertThat(statusChange.get("after").asText()).isEqualTo("IN_PROGRESS");

        MvcResult agreed = send(post(url(caseId) + "/agreement"), TestUsers.wijkcoach(), Map.of("basedOnVersion", 2,
                "agreedAt", Instant.now().minusSeconds(60).toString(), "form", "IN_GESPREK", "agreedBy", "Jolanda"));
        assertThat(read(agreed).get("agreement").get("agreedBy").asText()).isEqualTo("Jolanda");
        assertThat(read(agreed).get("agreement").get("recordedBy").asText()).isEqualTo("wijkcoach");

        JsonNode versions = getJson(url(caseId) + "/versions", TestUsers.wijkcoach());
        assertThat(versions.findValuesAsText("number")).containsExactly("1", "2", "3");
        assertThat(versions.findValuesAsText("agreed")).containsExactly("false", "false", "true");
        JsonNode first = getJson(url(caseId) + "/versions/1", TestUsers.wijkcoachNoord2());
        assertThat(first.get("goals")).hasSize(2);
        assertThat(first.get("goals").get(0).get("actions").get(0).get("status").asText()).isEqualTo("PLANNED");
    }

    @Test
    void aContentChangeNeedsTheHouseholdsAgreementAgainBeforeRegie() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", TestUsers.wijkcoach(), Map.of("outcome", "TO_PLAN", "realQuestion", "Grip op geld."));
        JsonNode agreedPlan = agreedPlan(caseId);
        Map<String, Object> edit = asMap(agreedPlan);
        edit.put("basedOnVersion", agreedPlan.get("version").asInt());
        send(put(url(caseId)), TestUsers.wijkcoach(), edit);

        String taskId = openTask(caseId, "plan");
        claim(taskId, TestUsers.wijkcoach());
        Map<String, Integer> before = rowCounts();
        assertProblem(complete(taskId, TestUsers.wijkcoach(), Map.of("step", "plan", "outcome", "TO_REGIE",
                "firstEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(6).toString())), 400, "plan");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void anEditBasedOnAStaleVersionGets409WithTheCurrentVersionAndChangesNothing() throws Exception {
        UUID caseId = openCaseInNoord();
        JsonNode v1 = read(send(post(url(caseId)), TestUsers.wijkcoach(), movisiePlan(null)));
        Map<String, Object> mine = asMap(v1);
        mine.put("basedOnVersion", 1);
        mine.put("changeNote", "collega 1");
        assertThat(send(put(url(caseId)), TestUsers.wijkcoach(), mine).getResponse().getStatus()).isEqualTo(200);
        Map<String, Integer> before = rowCounts();

        Map<String, Object> theirs = asMap(v1);
        theirs.put("basedOnVersion", 1);
        theirs.put("changeNote", "collega 2");
        MvcResult stale = send(put(url(caseId)), TestUsers.wijkcoachNoord2(), theirs);

        assertProblem(stale, 409);
        assertThat(read(stale).get("currentVersion").asInt()).isEqualTo(2);
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(getJson(url(caseId), TestUsers.wijkcoach()).get("changeNote").asText()).isEqualTo("collega 1");
    }

    @Test
    void aSecondPlanForTheHouseholdIsRefused() throws Exception {
        UUID caseId = openCaseInNoord();
        send(post(url(caseId)), TestUsers.wijkcoach(), movisiePlan(null));
        Map<String, Integer> before = rowCounts();
        assertProblem(send(post(url(caseId)), TestUsers.wijkcoach(), movisiePlan(null)), 409);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void concurrentAttemptsNeverYieldTwoActivePlansOrTwoVersionsFromOneBase() throws Exception {
        UUID caseId = openCaseInNoord();
        List<Integer> creates = concurrently(12, () -> send(post(url(caseId)), TestUsers.wijkcoach(), movisiePlan(null))
                .getResponse().getStatus());
        assertThat(creates).containsOnly(201, 409);
        assertThat(creates.stream().filter(status -> status == 201)).hasSize(1);
        String householdId = jdbc.queryForObject("select household_id::text from support_case where id = ?", String.class, caseId);
        assertThat(jdbc.queryForObject("select count(*) from plan where household_id = ?::uuid and status = 'ACTIVE'",
                Integer.class, householdId)).isEqualTo(1);

        JsonNode v1 = getJson(url(caseId), TestUsers.wijkcoach());
        List<Integer> edits = concurrently(12, () -> {
            Map<String, Object> edit = asMap(v1);
            edit.put("basedOnVersion", 1);
            return send(put(url(caseId)), TestUsers.wijkcoach(), edit).getResponse().getStatus();
        });
        assertThat(edits).containsOnly(200, 409);
        assertThat(edits.stream().filter(status -> status == 200)).hasSize(1);
        assertThat(getJson(url(caseId) + "/versions", TestUsers.wijkcoach())).hasSize(2);
    }

    @Test
    void badPlansAreRefusedByFieldAndChangeNothing() throws Exception {
        UUID caseId = openCaseInNoord();
        UUID otherHouseholdsMember = UUID.fromString(getJson("/api/v1/cases/" + openCaseInNoord(), TestUsers.wijkcoach())
                .get("household").get("members").get(0).get("id").asText());
        Map<String, Integer> before = rowCounts();

        assertRefused(caseId, goal -> goal.remove("result"), "goals[0].result");
        assertRefused(caseId, goal -> goal.put("leefgebied", "ASTROLOGIE"), "goals[0].leefgebied");
        assertRefused(caseId, goal -> goal.put("targetDate", "2020-01-01"), "goals[0].targetDate");
        assertRefused(caseId, goal -> goal.put("memberId", otherHouseholdsMember.toString()), "goals[0].memberId");
        assertRefused(caseId, goal -> goal.put("actions", List.of(action("Iets", "PARTNER", "bestaat-niet"))),
                "goals[0].actions[0].organisationId");
        assertRefused(caseId, goal -> goal.put("actions", List.of(action("Iets", "PARTNER", null))),
                "goals[0].actions[0].organisationId");
        assertRefused(caseId, goal -> goal.put("actions", List.of(action("Iets", "BUURMAN", null))),
                "goals[0].actions[0].ownerType");
        assertProblem(send(post(url(caseId)), TestUsers.wijkcoach(), Map.of("goals", List.of())), 400, "goals");
        assertThat(rowCounts()).isEqualTo(before);

        send(post(url(caseId)), TestUsers.wijkcoach(), movisiePlan(null));
        before = rowCounts();
        assertProblem(send(put(url(caseId)), TestUsers.wijkcoach(), movisiePlan(null)), 400, "basedOnVersion");
        assertProblem(send(post(url(caseId) + "/agreement"), TestUsers.wijkcoach(), Map.of("basedOnVersion", 1,
                "agreedAt", Instant.now().plusSeconds(3600).toString(), "form", "IN_GESPREK")), 400, "agreedAt", "agreedBy");
        assertProblem(mvc.perform(get(url(caseId) + "/versions/7").with(TestUsers.wijkcoach())).andReturn(), 404);
        assertProblem(mvc.perform(get(url(caseId) + "/diff?from=1&to=9").with(TestUsers.wijkcoach())).andReturn(), 404, "to");
        assertProblem(mvc.perform(get(url(UUID.randomUUID())).with(TestUsers.wijkcoach())).andReturn(), 404);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void planVersionsCannotBeRewrittenInTheDatabase() throws Exception {
        UUID caseId = openCaseInNoord();
        send(post(url(caseId)), TestUsers.wijkcoach(), movisiePlan(null));
        assertThatThrownBy(() -> jdbc.update("update plan_version set change_note = 'stil aangepast'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("delete from plan_version"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
    }

    @Test
    void onlyTheWijkteamWritesThePlanAndAPartnerReadsOnlyItsOwnActions() throws Exception {
        UUID caseId = openCaseInNoord();
        for (RequestPostProcessor user : List.of(TestUsers.frontoffice(), TestUsers.partnerGgz(), TestUsers.manager())) {
            assertProblem(send(post(url(caseId)), user, movisiePlan(null)), 403);
        }
        send(post(url(caseId)), TestUsers.wijkcoach(), movisiePlan(null));

        // No consent to share whole leefgebieden with GGZ: it sees the goals it works on, with only its own actions.
        JsonNode seenByGgz = getJson(url(caseId), TestUsers.partnerGgz());
        assertThat(seenByGgz.get("goals").findValuesAsText("organisationId")).isNotEmpty().containsOnly("ggz-breburg");
        assertThat(seenByGgz.get("goals").findValuesAsText("leefgebied")).containsExactly("WERK_EN_OPLEIDING");
        assertThat(seenByGgz.get("goals").findValuesAsText("description")).as("its own action, not the household's goal")
                .containsExactly("Intake POH-GGZ");
        assertThat(seenByGgz.toString()).doesNotContain("24 uur per week werk").doesNotContain("Eerste plan met Jolanda");
        RequestPostProcessor ggzAlsoManager = TestUsers.user("ggz-teamleider", List.of("partner", "manager"),
                Map.of("organisation", "ggz-breburg"));
        assertThat(getJson(url(caseId), ggzAlsoManager).get("goals").findValuesAsText("description"))
                .as("a second role without casework lifts no limit").containsExactly("Intake POH-GGZ");
        RequestPostProcessor uninvolved = TestUsers.user("thuiszorg", List.of("partner"), Map.of("organisation", "thuiszorg-west"));
        assertProblem(mvc.perform(get(url(caseId)).with(uninvolved)).andReturn(), 404);
        assertProblem(mvc.perform(get(url(caseId) + "/versions").with(TestUsers.partnerGgz())).andReturn(), 403);
        assertProblem(mvc.perform(get(url(caseId)).with(TestUsers.manager())).andReturn(), 403);
    }

    private void assertRefused(UUID caseId, java.util.function.Consumer<Map<String, Object>> change, String... fields) throws Exception {
        Map<String, Object> goal = new HashMap<>(goal("FINANCIEN", "Grip op geld", "Schulden in een regeling",
                action("Budgetcoach", "HOUSEHOLD", null)));
        change.accept(goal);
        assertProblem(send(post(url(caseId)), TestUsers.wijkcoach(), Map.of("goals", List.of(goal))), 400, fields);
    }

    /** In the spirit of the Movisie study: werk & inkomen, schuldhulp and zorg own actions in one plan. */
    private static Map<String, Object> movisiePlan(Integer basedOn) {
        Map<String, Object> plan = new HashMap<>();
        if (basedOn != null) {
            plan.put("basedOnVersion", basedOn);
        }
        plan.put("changeNote", "Eerste plan met Jolanda");
        plan.put("goals", List.of(
                goal("FINANCIEN", "Grip op geld", "Schulden in een regeling", action("Schuldhulptraject", "PARTNER", "schuldhulp-stad"),
                        action("Post samen openen", "NETWORK", null)),
                goal("WERK_EN_OPLEIDING", "Aan het werk", "24 uur per week werk", action("Gesprek klantmanager", "PARTNER", "werk-en-inkomen"),
                        action("Intake POH-GGZ", "PARTNER", "ggz-breburg"))));
        return plan;
    }

    private static Map<String, Object> goal(String leefgebied, String description, String result, Map<String, Object>... actions) {
        return Map.of("leefgebied", leefgebied, "description", description, "result", result,
                "targetDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(6).toString(), "actions", List.of(actions));
    }

    private static Map<String, Object> action(String description, String ownerType, String organisationId) {
        Map<String, Object> action = new HashMap<>(Map.of("description", description, "ownerType", ownerType, "status", "PLANNED"));
        if (organisationId != null) {
            action.put("organisationId", organisationId);
        }
        return action;
    }

    /** A plan view turned back into an edit: goals and actions with their ids. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(JsonNode view) {
        Map<String, Object> edit = new HashMap<>();
        edit.put("goals", json.convertValue(view.get("goals"), List.class));
        ((List<Map<String, Object>>) edit.get("goals")).forEach(goal -> goal.values().removeIf(value -> value == null));
        ((List<Map<String, Object>>) edit.get("goals")).forEach(goal ->
                ((List<Map<String, Object>>) goal.get("actions")).forEach(action -> action.values().removeIf(value -> value == null)));
        return edit;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rawGoals(Map<String, Object> edit) {
        return (List<Map<String, Object>>) edit.get("goals");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, List<Map<String, Object>>>> goalsOf(Map<String, Object> edit) {
        return (List<Map<String, List<Map<String, Object>>>>) edit.get("goals");
    }

    private List<Integer> concurrently(int threads, Callable<Integer> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(attempt));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }


    private static String url(UUID caseId) {
        return "/api/v1/cases/" + caseId + "/plan";
    }
}
