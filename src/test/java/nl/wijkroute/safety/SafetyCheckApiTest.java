package nl.wijkroute.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 17 item 3 over HTTP: the safety question per member at plan and evaluatie of a case that ever had a
 * safety concern, a "no" moving the route to veiligheid, the safety task after a new safety signal on an open
 * case (top of the werkbak, moving nothing), and the long nazorg of a case with lasting risk.
 */
class SafetyCheckApiTest extends ApiTestSupport {

    private static final RequestPostProcessor COACH = TestUsers.wijkcoach();

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void thePlanOfACaseWithASafetyConcernAsksEveryMemberAndNamesTheOneMissing() throws Exception {
        UUID caseId = caseWithSafetyConcernAtPlan();
        List<String> members = memberIds(caseId);
        String taskId = openTask(caseId, "plan");
        claim(taskId, COACH);
        Map<String, Integer> before = rowCounts();
        int checksBefore = safetyChecks();

        assertProblem(complete(taskId, COACH, planInput(null)), 400, "safetyCheck");
        MvcResult oneMissing = complete(taskId, COACH, planInput(List.of(answer(members.get(0), true))));
        assertProblem(oneMissing, 400, "safetyCheck");
        assertThat(read(oneMissing).get("errors").get(0).get("message").asText()).contains(members.get(1));
        assertProblem(complete(taskId, COACH, planInput(List.of(answer(members.get(0), true), answer(members.get(1), true),
                answer(UUID.randomUUID().toString(), true)))), 400, "safetyCheck[2].memberId");
        Map<String, Object> blank = answer(members.get(1), true);
        blank.put("howWeKnow", " ");
        assertProblem(complete(taskId, COACH, planInput(List.of(answer(members.get(0), true), blank))), 400,
                "safetyCheck[1].howWeKnow");
        Map<String, Object> noSafe = answer(members.get(1), true);
        noSafe.remove("safe");
        assertProblem(complete(taskId, COACH, planInput(List.of(answer(members.get(0), true), noSafe))), 400,
                "safetyCheck[1].safe");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(safetyChecks()).isEqualTo(checksBefore);

        noContent(complete(taskId, COACH, planInput(List.of(answer(members.get(0), true), answer(members.get(1), true)))));

        assertThat(stage(caseId)).isEqualTo("REGIE");
        JsonNode checks = getJson("/api/v1/cases/" + caseId + "/safety-checks", COACH);
        assertThat(checks.get("totalItems").asInt()).isEqualTo(1);
        JsonNode check = checks.get("items").get(0);
        assertThat(check.get("step").asText()).isEqualTo("plan");
        assertThat(check.get("everyoneSafe").asBoolean()).isTrue();
        assertThat(check.get("checkedBy").asText()).isEqualTo("wijkcoach");
        assertThat(check.get("answers").findValuesAsText("memberId")).containsExactlyInAnyOrderElementsOf(members);
        assertThat(check.get("answers").findValuesAsText("howWeKnow")).containsOnly("Gezien en gesproken op huisbezoek.");
    }

    @Test
    void aNoForAnyoneAtThePlanSendsTheRouteToVeiligheid() throws Exception {
        UUID caseId = caseWithSafetyConcernAtPlan();
        List<String> members = memberIds(caseId);

        step(caseId, "plan", COACH, planInput(List.of(answer(members.get(0), true), answer(members.get(1), false))));

        assertThat(stage(caseId)).isEqualTo("VEILIGHEID");
        JsonNode history = getJson("/api/v1/cases/" + caseId + "/history", COACH);
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("from").asText()).isEqualTo("PLAN");
        assertThat(last.get("to").asText()).isEqualTo("VEILIGHEID");
        JsonNode check = getJson("/api/v1/cases/" + caseId + "/safety-checks", COACH).get("items").get(0);
        assertThat(check.get("everyoneSafe").asBoolean()).isFalse();
    }

    @Test
    void aCaseBackAtVeiligheidNeedsANewMeldcodeDecisionTheFirstOneWeighedAnotherSituation() throws Exception {
        MvcResult opened = postSignal(signal(newHousehold("noord", member("Iris", "Bakker", "1987-04-02", null),
                member("Noor", "Bakker", "2016-09-09", null))), TestUsers.frontoffice(), UUID.randomUUID().toString());
        UUID caseId = UUID.fromString(read(opened).get("caseId").asText());
        step(caseId, "triage", COACH, triage("SAFETY_FIRST", "MULTIPLE", true, null));
        recordMeldcodeDecision(caseId, "HULP_ORGANISEREN");
        step(caseId, "veiligheid", COACH, outcome("CONTINUE_FULL_ROUTE", "Hulp georganiseerd."));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", COACH, Map.of("outcome", "TO_PLAN", "realQuestion", "Veilig samen thuis."));
        agreedPlan(caseId);
        List<String> members = memberIds(caseId);
        step(caseId, "plan", COACH, planInput(List.of(answer(members.get(0), true), answer(members.get(1), false))));
        assertThat(stage(caseId)).isEqualTo("VEILIGHEID");

        String veiligheid = openTask(caseId, "veiligheid");
        claim(veiligheid, COACH);
        assertProblem(complete(veiligheid, COACH, Map.of("step", "veiligheid", "outcome", "CONTINUE_FULL_ROUTE",
                "reason", "Weer veilig.")), 400, "meldcode.decision");

        recordMeldcodeDecision(caseId, "MELDEN");
        noContent(complete(veiligheid, COACH, Map.of("step", "veiligheid", "outcome", "CONTINUE_FULL_ROUTE",
                "reason", "Gemeld bij Veilig Thuis, hulp loopt door.")));
        assertThat(stage(caseId)).isEqualTo("VRAAGVERHELDERING");
    }

    @Test
    void everyEvaluatieReAsksAndANoGoesToVeiligheid() throws Exception {
        UUID caseId = caseWithSafetyConcernAtPlan();
        List<String> members = memberIds(caseId);
        step(caseId, "plan", COACH, planInput(everyoneSafe(members)));
        step(caseId, "regie", COACH, outcome("TO_EVALUATIE", null));
        String evaluatie = openTask(caseId, "evaluatie");
        claim(evaluatie, COACH);

        assertProblem(complete(evaluatie, COACH, Map.of("step", "evaluatie", "outcome", "CONTINUE",
                "nextEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(6).toString())), 400, "safetyCheck");

        Map<String, Object> input = evaluatieInput("CONTINUE", List.of(answer(members.get(0), false), answer(members.get(1), true)));
        input.put("nextEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(6).toString());
        noContent(complete(evaluatie, COACH, input));

        assertThat(stage(caseId)).isEqualTo("VEILIGHEID");
        assertThat(getJson("/api/v1/cases/" + caseId + "/safety-checks", COACH).get("items").findValuesAsText("step"))
                .containsExactly("evaluatie", "plan");
    }

    @Test
    void aCaseThatNeverHadASafetyConcernIsNotAsked() throws Exception {
        UUID caseId = caseInRegie();
        assertThat(stage(caseId)).isEqualTo("REGIE");
        assertThat(getJson("/api/v1/cases/" + caseId + "/safety-checks", COACH).get("totalItems").asInt()).isZero();
    }

    @Test
    void aSafetySignalOnAnOpenCaseGivesTheTeamASafetyTaskAtTheTopOfTheWerkbakAndMovesNothing() throws Exception {
        UUID caseId = caseInRegie();
        List<String> members = memberIds(caseId);
        UUID householdId = UUID.fromString(getJson("/api/v1/cases/" + caseId, COACH).get("household").get("id").asText());

        MvcResult signal = postSignal(knownHouseholdSignal(householdId, "NORMAL", true), TestUsers.frontoffice(),
                UUID.randomUUID().toString());
        assertThat(signal.getResponse().getStatus()).as(signal.getResponse().getContentAsString()).isEqualTo(201);

        assertThat(stage(caseId)).as("the route stays where it was").isEqualTo("REGIE");
        String safetyTask = openTask(caseId, "veiligheidNieuwSignaal");
        openTask(caseId, "regie");
        List<String> werkbak = new ArrayList<>();
        getJson("/api/v1/tasks?size=100", COACH).get("items").forEach(task -> werkbak.add(task.get("taskKey").asText()
                + (task.get("id").asText().equals(safetyTask) ? "*" : "")));
        int mine = werkbak.indexOf("veiligheidNieuwSignaal*");
        assertThat(mine).as("in the werkbak: " + werkbak).isGreaterThanOrEqualTo(0);
        assertThat(werkbak.subList(0, mine)).as("only other safety tasks before it").containsOnly("veiligheidNieuwSignaal");
        assertThat(werkbak.subList(mine + 1, werkbak.size())).as("and the regie tasks, due sooner, after it").contains("regie");

        claim(safetyTask, COACH);
        Map<String, Object> noReason = new LinkedHashMap<>(Map.of("step", "veiligheidNieuwSignaal",
                "safetyCheck", List.of(answer(members.get(0), false))));
        assertProblem(complete(safetyTask, COACH, noReason), 400, "reason");
        assertProblem(complete(safetyTask, COACH, Map.of("step", "veiligheidNieuwSignaal")), 400, "safetyCheck");
        noReason.put("reason", "Veilig Thuis geraadpleegd; Anna slaapt bij haar zus.");
        noContent(complete(safetyTask, COACH, noReason));

        assertThat(stage(caseId)).isEqualTo("REGIE");
        openTask(caseId, "regie");
        JsonNode check = getJson("/api/v1/cases/" + caseId + "/safety-checks", COACH).get("items").get(0);
        assertThat(check.get("step").asText()).isEqualTo("veiligheidNieuwSignaal");
        // From now on the case has had a safety concern: the next evaluatie asks again.
        step(caseId, "regie", COACH, outcome("TO_EVALUATIE", null));
        String evaluatie = openTask(caseId, "evaluatie");
        claim(evaluatie, COACH);
        assertProblem(complete(evaluatie, COACH, Map.of("step", "evaluatie", "outcome", "CLOSE",
                "reason", "Doelen bereikt.")), 400, "safetyCheck");
    }

    @Test
    void aCrisisSignalAlsoGivesTheSafetyTaskAnOrdinarySignalDoesNot() throws Exception {
        UUID caseId = caseInRegie();
        UUID householdId = UUID.fromString(getJson("/api/v1/cases/" + caseId, COACH).get("household").get("id").asText());

        postSignal(knownHouseholdSignal(householdId, "HIGH", false), TestUsers.frontoffice(), UUID.randomUUID().toString());
        assertThat(openTaskKeys(caseId)).containsExactly("regie");

        postSignal(knownHouseholdSignal(householdId, "CRISIS", false), TestUsers.frontoffice(), UUID.randomUUID().toString());
        assertThat(openTaskKeys(caseId)).containsExactlyInAnyOrder("regie", "veiligheidNieuwSignaal");
    }

    @Test
    void lastingRiskGivesAtLeastAYearOfNazorgWithAChecksEverySixWeeks() throws Exception {
        UUID lasting = caseInEvaluatieWithSafetyConcern();
        Map<String, Object> close = evaluatieInput("CLOSE", everyoneSafe(memberIds(lasting)));
        close.put("lastingRisk", true);
        step(lasting, "evaluatie", COACH, close);

        assertThat(stage(lasting)).isEqualTo("NAZORG");
        assertThat(nazorgTimer(lasting)).isBetween(Instant.now().plus(Duration.ofDays(42)).minusSeconds(120),
                Instant.now().plus(Duration.ofDays(42)).plusSeconds(120));
        Date until = (Date) variable(lasting, "nazorgUntil");
        assertThat(until.toInstant()).isBetween(ZonedDateTime.now().plusYears(1).minusMinutes(2).toInstant(),
                ZonedDateTime.now().plusYears(1).plusMinutes(2).toInstant());

        UUID passing = caseInEvaluatieWithSafetyConcern();
        step(passing, "evaluatie", COACH, evaluatieInput("CLOSE", everyoneSafe(memberIds(passing))));
        assertThat(nazorgTimer(passing)).as("the ordinary nazorg period (P3M)").isBetween(
                ZonedDateTime.now().plusMonths(3).minusMinutes(2).toInstant(), ZonedDateTime.now().plusMonths(3).plusMinutes(2).toInstant());
        assertThat(variable(passing, "nazorgUntil")).isNull();
    }

    // Fixtures

    /** A case of two members whose triage recorded a safety concern, standing at the plan with an agreed plan. */
    private UUID caseWithSafetyConcernAtPlan() throws Exception {
        MvcResult opened = postSignal(signal(newHousehold("noord", member("Anna", "de Vries", "1985-03-12", null),
                member("Sem", "de Vries", "2015-06-01", null))), TestUsers.frontoffice(), UUID.randomUUID().toString());
        assertThat(opened.getResponse().getStatus()).as(opened.getResponse().getContentAsString()).isEqualTo(201);
        UUID caseId = UUID.fromString(read(opened).get("caseId").asText());
        step(caseId, "triage", COACH, triage("FULL_ROUTE", "MULTIPLE", true, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", COACH, Map.of("outcome", "TO_PLAN", "realQuestion", "Rust en veiligheid thuis."));
        agreedPlan(caseId);
        return caseId;
    }

    private UUID caseInEvaluatieWithSafetyConcern() throws Exception {
        UUID caseId = caseWithSafetyConcernAtPlan();
        step(caseId, "plan", COACH, planInput(everyoneSafe(memberIds(caseId))));
        step(caseId, "regie", COACH, outcome("TO_EVALUATIE", null));
        return caseId;
    }

    private Map<String, Object> knownHouseholdSignal(UUID householdId, String urgency, boolean safetyConcern) {
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("householdId", householdId);
        signal.put("sourceType", "FRONTOFFICE");
        signal.put("description", "Buurvrouw belt: geschreeuw en een huilend kind.");
        signal.put("urgency", urgency);
        signal.put("safetyConcern", safetyConcern);
        return signal;
    }

    private static Map<String, Object> planInput(List<Map<String, Object>> safetyCheck) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("step", "plan");
        input.put("outcome", "TO_REGIE");
        input.put("firstEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(4).toString());
        if (safetyCheck != null) {
            input.put("safetyCheck", safetyCheck);
        }
        return input;
    }

    private static Map<String, Object> evaluatieInput(String outcome, List<Map<String, Object>> safetyCheck) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("step", "evaluatie");
        input.put("outcome", outcome);
        input.put("reason", "Besproken met het huishouden.");
        input.put("safetyCheck", safetyCheck);
        return input;
    }

    private static Map<String, Object> answer(String memberId, boolean safe) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("memberId", memberId);
        answer.put("safe", safe);
        answer.put("howWeKnow", "Gezien en gesproken op huisbezoek.");
        return answer;
    }

    private static List<Map<String, Object>> everyoneSafe(List<String> members) {
        return members.stream().map(member -> answer(member, true)).toList();
    }

    private List<String> memberIds(UUID caseId) throws Exception {
        return getJson("/api/v1/cases/" + caseId, COACH).get("household").get("members").findValuesAsText("id");
    }

    private List<String> openTaskKeys(UUID caseId) throws Exception {
        return getJson("/api/v1/cases/" + caseId, COACH).get("openTasks").findValuesAsText("taskKey");
    }

    private String stage(UUID caseId) throws Exception {
        return getJson("/api/v1/cases/" + caseId, COACH).get("currentStage").asText();
    }

    private int safetyChecks() {
        return jdbc.queryForObject("select count(*) from safety_check", Integer.class);
    }

    private Instant nazorgTimer(UUID caseId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString())
                .processDefinitionKey("routekaart").singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
        return timer.getDuedate().toInstant();
    }

    private Object variable(UUID caseId, String name) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString())
                .processDefinitionKey("routekaart").singleResult().getId();
        VariableInstance variable = runtime.createVariableInstanceQuery().processInstanceIdIn(instance).variableName(name)
                .singleResult();
        return variable == null ? null : variable.getValue();
    }

    private static void noContent(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(204);
    }
}
