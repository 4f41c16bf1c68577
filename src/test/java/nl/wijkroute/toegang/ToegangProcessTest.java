package nl.wijkroute.toegang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.TestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/toegang.bpmn with the engine clock moved: warnings and breaches fire when their moment comes. */
@Deployment(resources = {"bpmn/toegang.bpmn", "bpmn/routekaart.bpmn", "bpmn/warme-overdracht.bpmn"})
class ToegangProcessTest {

    private static final EmbeddedPostgres POSTGRES = TestEngines.postgres();
    // Not final: the Camunda extension injects the engine into ProcessEngine fields (the same instance).
    private static ProcessEngine ENGINE = TestEngines.engine("toegang-test", POSTGRES, (execution, stage) -> { });

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

    private final List<String> calls = new ArrayList<>();
    private final Instant start = Instant.parse("2026-11-23T09:00:00Z");

    @BeforeEach
    void delegates() {
        BpmnAwareTests.init(ENGINE);
        ClockUtil.setCurrentTime(Date.from(start));
        // The nazorg start listener of routekaart.bpmn (safety.SafetyCheckNazorg): no lasting risk here.
        Mocks.register("safetyCheckNazorg", (org.camunda.bpm.engine.delegate.ExecutionListener) e -> { });
        Mocks.register("deadlineAtRisk", (JavaDelegate) e -> calls.add("atRisk:" + e.getVariable("deadlineId")));
        Mocks.register("deadlineBreached", (JavaDelegate) e -> calls.add("breached:" + e.getVariable("deadlineId")));
        Mocks.register("toegangRefused", (JavaDelegate) e -> calls.add("refused:" + e.getVariable("toegangRequestId")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @AfterAll
    static void stop() throws IOException {
        ENGINE.close();
        POSTGRES.close();
    }

    @Test
    void wmoGoesThroughOnderzoekThenBesluitAndNothingFiresBeforeItsTime() {
        ProcessInstance toegang = start("WMO", "onderzoek-term", days(37), days(42));
        assertThat(toegang).isWaitingAt("onderzoek");
        assertThat(task()).hasCandidateGroup("toegang");

        moveClockTo(days(36));
        assertThat(calls).isEmpty();

        complete(task(), withVariables("deadlineId", "beschikking-term", "warnAt", days(45), "dueAt", days(56)));
        assertThat(toegang).isWaitingAt("besluit");
        assertThat(dueJobs()).isEmpty();
        complete(task(), withVariables("toegangOutcome", "GRANTED"));
        assertThat(toegang).isEnded().hasPassed("granted");
        assertThat(calls).isEmpty();
    }

    @Test
    void theWarningAndThenTheBreachFireWithoutStoppingTheWork() {
        ProcessInstance toegang = start("WMO", "onderzoek-term", days(37), days(42));

        moveClockTo(days(38));
        assertThat(calls).containsExactly("atRisk:onderzoek-term");
        assertThat(toegang).isWaitingAt("onderzoek");

        moveClockTo(days(43));
        assertThat(calls).containsExactly("atRisk:onderzoek-term", "breached:onderzoek-term");
        assertThat(toegang).isWaitingAt("onderzoek");

        complete(task(), withVariables("deadlineId", "beschikking-term", "warnAt", days(50), "dueAt", days(57)));
        moveClockTo(days(58));
        assertThat(calls).endsWith("atRisk:beschikking-term", "breached:beschikking-term");
    }

    @Test
    void otherLawsGoStraightToTheBesluit() {
        for (String law : List.of("JEUGDWET", "PARTICIPATIEWET", "WGS")) {
            ProcessInstance toegang = start(law, "term-" + law, days(50), days(56));
            assertThat(toegang).isWaitingAt("besluit").hasNotPassed("onderzoek");
            complete(task(), withVariables("toegangOutcome", "GRANTED"));
            assertThat(toegang).isEnded().hasPassed("granted");
        }
    }

    @Test
    void aPartialGrantAlsoSendsTheCaseBackToLookForAnAlternative() {
        ProcessInstance toegang = start("WMO", "term", days(37), days(42));
        String requestId = ENGINE.getRuntimeService().getVariable(toegang.getId(), "toegangRequestId").toString();
        complete(task(), withVariables("deadlineId", "beschikking-term", "warnAt", days(45), "dueAt", days(56)));
        complete(task(), withVariables("toegangOutcome", "PARTLY"));

        assertThat(toegang).isEnded().hasPassed("backToPlan", "refused").hasNotPassed("granted");
        assertThat(calls).containsExactly("refused:" + requestId);
    }

    /** Where a refusal (or partial grant) takes the case from each step of the route (decision 0050). */
    @ParameterizedTest(name = "refused while at {0}: then at {1}")
    @CsvSource({
            // after the plan: back to the plan (ToegangApiTest checks the move is recorded as a back-move)
            "regie, plan, toegangRefusedDuringRegie",
            "evaluatie, plan, toegangRefusedDuringEvaluatie",
            // at or before the step that looks for an alternative: the case stays, nothing is cancelled
            "triage, triage, ",
            "vraagverheldering, vraagverheldering, ",
            "plan, plan, ",
            "toeleiding, toeleiding, ",
            // safety first: the refusal does not pull the case out of the veiligheid step
            "veiligheid, veiligheid, ",
    })
    void aRefusalTakesTheCaseBackFromWhereverItStandsAndLeavesTheWarmeOverdrachtRunning(String step, String then, String boundary) {
        String caseId = UUID.randomUUID().toString();
        ProcessInstance route = routeAt(caseId, step, Map.of());
        ENGINE.getRuntimeService().createMessageCorrelation("warmeOverdracht").processInstanceBusinessKey(caseId)
                .setVariablesToTriggeredScope(Map.of("handoverId", UUID.randomUUID().toString(), "receiverGroup", "partner-ggz",
                        "acceptBefore", days(7)))
                .correlate();
        assertThat(route).isWaitingAt(step, "handoverCall");

        refuse(caseId);

        assertThat(route).isWaitingAt(then, "handoverCall");
        assertThat(task("overdrachtBeoordelen", calledProcessInstance(route))).as("the handover is still to be judged").isNotNull();
        if (boundary != null) {
            assertThat(route).hasPassed(boundary);
        }
    }

    @Test
    void aRefusalDuringNazorgAfterTheShortRouteGoesBackToTheToeleiding() {
        String caseId = UUID.randomUUID().toString();
        ProcessInstance route = routeAt(caseId, "toeleiding", Map.of());
        complete(task("toeleiding", route), withVariables("toeleidingOutcome", "CONNECTED"));
        assertThat(route).isWaitingAt("nazorgWait");

        refuse(caseId);

        assertThat(route).isWaitingAt("toeleiding").hasPassed("toegangRefusedDuringNazorg", "afterRefusalInNazorg")
                .hasNotPassed("mergePlan");
        assertThat(ENGINE.getManagementService().createJobQuery().processInstanceId(route.getId()).timers().count())
                .as("the nazorg check is off").isZero();
    }

    @Test
    void aRefusalDuringNazorgAfterTheFullRouteGoesBackToThePlan() {
        String caseId = UUID.randomUUID().toString();
        ProcessInstance route = routeAt(caseId, "plan", Map.of());
        complete(task("plan", route), withVariables("planOutcome", "TO_REGIE"));
        complete(task("regie", route), withVariables("regieOutcome", "TO_EVALUATIE"));
        complete(task("evaluatie", route), withVariables("evaluatieOutcome", "CLOSE"));
        assertThat(route).isWaitingAt("nazorgWait");

        refuse(caseId);

        assertThat(route).isWaitingAt("plan").hasPassed("toegangRefusedDuringNazorg", "afterRefusalInNazorg");
    }

    @Test
    void aBezwaarWaitsForItsDecisionWithAWarningAndABreachOnItsLegalTerm() {
        String requestId = UUID.randomUUID().toString();
        ProcessInstance bezwaar = ENGINE.getRuntimeService().startProcessInstanceByMessage("bezwaarIngediend", requestId,
                Map.of("toegangRequestId", requestId, "deadlineId", "bezwaar-term", "warnAt", days(80), "dueAt", days(85)));
        assertThat(bezwaar).isWaitingAt("beslissingOpBezwaar").hasNotPassed("besluit", "onderzoek");
        assertThat(task(bezwaar)).hasCandidateGroup("toegang");

        moveClockTo(days(79));
        assertThat(calls).isEmpty();
        moveClockTo(days(81));
        assertThat(calls).containsExactly("atRisk:bezwaar-term");
        moveClockTo(days(86));
        assertThat(calls).containsExactly("atRisk:bezwaar-term", "breached:bezwaar-term");
        assertThat(bezwaar).as("a breach does not stop the work").isWaitingAt("beslissingOpBezwaar");

        complete(task(bezwaar), withVariables("bezwaarOutcome", "ONGEGROND"));
        assertThat(bezwaar).isEnded().hasPassed("bezwaarDecided");
        assertThat(calls).as("no refusal message: the route does not move on a bezwaar").noneMatch(call -> call.startsWith("refused"));
    }

    @Test
    void aGrantWithAPeriodGetsItsHerindicatieTaskWhenItsMomentComes() {
        String requestId = UUID.randomUUID().toString();
        ProcessInstance herindicatie = ENGINE.getRuntimeService().startProcessInstanceByMessage("herindicatieGepland", requestId,
                Map.of("toegangRequestId", requestId, "herindicatieAt", days(300)));
        assertThat(herindicatie).isWaitingAt("herindicatieWait");

        moveClockTo(days(299));
        assertThat(herindicatie).isWaitingAt("herindicatieWait");
        moveClockTo(days(301));
        assertThat(herindicatie).isWaitingAt("herindicatie");
        assertThat(task(herindicatie)).hasCandidateGroup("toegang");

        complete(task(herindicatie));
        assertThat(herindicatie).isEnded().hasPassed("herindicatieDone");
    }

    @Test
    void aRefusalSendsTheCaseBackToThePlan() {
        ProcessInstance toegang = start("JEUGDWET", "term", days(50), days(56));
        String requestId = ENGINE.getRuntimeService().getVariable(toegang.getId(), "toegangRequestId").toString();
        complete(task(), withVariables("toegangOutcome", "REFUSED"));

        assertThat(toegang).isEnded().hasPassed("backToPlan", "refused");
        assertThat(calls).containsExactly("refused:" + requestId);
    }

    @Test
    void theRouteRequestsToegangAndARefusalDuringRegieReturnsItToThePlan() {
        String caseId = UUID.randomUUID().toString();
        ProcessInstance route = ENGINE.getRuntimeService().createProcessInstanceByKey("routekaart").businessKey(caseId)
                .setVariables(Map.of("caseId", caseId, "candidateGroup", "team-noord", "nazorgPeriod", "P3M"))
                .startBeforeActivity("regie").execute();
        String requestId = UUID.randomUUID().toString();

        ENGINE.getRuntimeService().createMessageCorrelation("toegangAangevraagd").processInstanceBusinessKey(caseId)
                .setVariablesToTriggeredScope(Map.of("toegangRequestId", requestId, "law", "WMO", "deadlineId", "t",
                        "warnAt", days(37), "dueAt", days(42)))
                .correlate();

        ProcessInstance toegang = ENGINE.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("toegang")
                .processInstanceBusinessKey(requestId).singleResult();
        assertThat(toegang).isWaitingAt("onderzoek");
        assertThat(route).isWaitingAt("regie", "toegangCall");

        ENGINE.getRuntimeService().createMessageCorrelation("toegangGeweigerd").processInstanceBusinessKey(caseId).correlateAll();
        assertThat(route).isWaitingAt("plan", "toegangCall");
    }

    @Test
    void aToegangRequestRunsOnToItsDecisionAfterTheCaseClosesAndTheRouteEndsWithIt() {
        String caseId = UUID.randomUUID().toString();
        ProcessInstance route = ENGINE.getRuntimeService().createProcessInstanceByKey("routekaart").businessKey(caseId)
                .setVariables(Map.of("caseId", caseId, "candidateGroup", "team-noord", "nazorgPeriod", "P3M"))
                .startBeforeActivity("nazorgControle").execute();
        String requestId = UUID.randomUUID().toString();
        ENGINE.getRuntimeService().createMessageCorrelation("toegangAangevraagd").processInstanceBusinessKey(caseId)
                .setVariablesToTriggeredScope(Map.of("toegangRequestId", requestId, "law", "JEUGDWET", "deadlineId", "t",
                        "warnAt", days(50), "dueAt", days(56)))
                .correlate();
        ProcessInstance toegang = ENGINE.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("toegang")
                .processInstanceBusinessKey(requestId).singleResult();

        complete(task("nazorgControle", route), withVariables("nazorgOutcome", "ALL_WELL"));

        assertThat(route).hasPassed("closedAfterNazorg").isWaitingAt("toegangCall");
        assertThat(toegang).as("the municipality must still decide").isWaitingAt("besluit");
        moveClockTo(days(51));
        assertThat(calls).as("its legal term keeps running").containsExactly("atRisk:t");

        complete(task(toegang), withVariables("toegangOutcome", "GRANTED"));
        assertThat(toegang).isEnded().hasPassed("granted");
        assertThat(route).isEnded().hasPassed("toegangDone");
    }

    private ProcessInstance routeAt(String caseId, String step, Map<String, Object> more) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("caseId", caseId, "candidateGroup", "team-noord",
                "nazorgPeriod", "P3M"));
        variables.putAll(more);
        return ENGINE.getRuntimeService().createProcessInstanceByKey("routekaart").businessKey(caseId).setVariables(variables)
                .startBeforeActivity(step).execute();
    }

    /** As ToegangService.returnToPlan does after a refusal or partial grant. */
    private void refuse(String caseId) {
        ENGINE.getRuntimeService().createMessageCorrelation("toegangGeweigerd").processInstanceBusinessKey(caseId)
                .setVariable("moveReason", "Toegang afgewezen").correlateAll();
    }

    private ProcessInstance start(String law, String deadlineId, Date warnAt, Date dueAt) {
        ProcessInstance toegang = ENGINE.getRuntimeService().startProcessInstanceByKey("toegang", UUID.randomUUID().toString(),
                Map.of("toegangRequestId", UUID.randomUUID().toString(), "law", law, "deadlineId", deadlineId,
                        "warnAt", warnAt, "dueAt", dueAt));
        assertThat(toegang).isStarted();
        return toegang;
    }

    /** Moves the engine's clock and runs every timer that is due by then, as the job executor would. */
    private void moveClockTo(Date moment) {
        ClockUtil.setCurrentTime(moment);
        for (Job job : dueJobs()) {
            ENGINE.getManagementService().executeJob(job.getId());
        }
    }

    private List<Job> dueJobs() {
        return ENGINE.getManagementService().createJobQuery().timers().duedateLowerThan(ClockUtil.getCurrentTime())
                .orderByJobDuedate().asc().list();
    }

    private Date days(int days) {
        return Date.from(start.plus(Duration.ofDays(days)));
    }
}
