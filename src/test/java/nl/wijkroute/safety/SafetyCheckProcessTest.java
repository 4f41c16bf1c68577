package nl.wijkroute.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.wijkroute.support.TestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The safety paths of bpmn/routekaart.bpmn (issue 17 item 3, decision 0048): a "no" at plan or evaluatie goes
 * to veiligheid, a safety signal on an open case starts the team's safety task at every step without
 * interrupting anything, and lasting risk keeps nazorg checking until its period ends.
 */
@Deployment(resources = {"bpmn/routekaart.bpmn", "bpmn/warme-overdracht.bpmn", "bpmn/toegang.bpmn"})
class SafetyCheckProcessTest {

    private static final EmbeddedPostgres POSTGRES = TestEngines.postgres();
    private static final List<String> STAGES = new CopyOnWriteArrayList<>();
    private static ProcessEngine ENGINE = TestEngines.engine("safety-check-process-test", POSTGRES,
            (execution, stage) -> STAGES.add(execution.getProcessBusinessKey() + ":" + stage.name()));

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

    private String caseId;
    /** What the nazorg start listener (SafetyCheckNazorg) finds: lasting risk or not. */
    private final AtomicBoolean lastingRisk = new AtomicBoolean();

    @BeforeEach
    void newCase() {
        BpmnAwareTests.init(ENGINE);
        caseId = UUID.randomUUID().toString();
        // As SafetyCheckNazorg does with wijkroute.safety.* = P1Y / P6W (its own rules are tested in SafetyCheckApiTest).
        Mocks.register("safetyCheckNazorg", (ExecutionListener) execution -> {
            if (lastingRisk.get()) {
                execution.setVariableLocal("nazorgUntil", Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(365))));
                // P42D, as SafetyCheckNazorg hands over P6W: the engine reads "P6W" as 42 days from 1970, i.e. P1M11D.
                execution.setVariableLocal("nazorgCheckInterval", "P42D");
                execution.setVariableLocal("nazorgPeriod", "P42D");
            }
        });
        for (String delegate : List.of("deadlineAtRisk", "deadlineBreached", "toegangRefused", "handoverAccepted",
                "handoverDeclined", "handoverOverdue", "handoverWithdrawnByClosing")) {
            Mocks.register(delegate, (JavaDelegate) execution -> { });
        }
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

    // A "no" at plan or evaluatie

    @Test
    void planWithSomeoneNotSafeGoesToVeiligheidWhateverThePlanOutcome() {
        for (String outcome : List.of("TO_REGIE", "BACK_TO_VRAAGVERHELDERING")) {
            caseId = UUID.randomUUID().toString();
            ProcessInstance route = startAt("plan");
            complete(routeTask("plan"), withVariables("planOutcome", outcome, "safetyCheckResult", "UNSAFE",
                    "nextEvaluationDate", inDays(28)));

            assertThat(route).isWaitingAt("veiligheid");
            assertThat(stages()).containsExactly("PLAN", "VEILIGHEID");
        }
    }

    @Test
    void planAnsweredSafeOrNotAskedGoesOnAsBefore() {
        ProcessInstance route = startAt("plan");
        complete(routeTask("plan"), withVariables("planOutcome", "TO_REGIE", "safetyCheckResult", "SAFE",
                "nextEvaluationDate", inDays(28)));
        assertThat(route).isWaitingAt("regie");

        caseId = UUID.randomUUID().toString();
        ProcessInstance notAsked = startAt("plan");
        complete(routeTask("plan"), withVariables("planOutcome", "BACK_TO_VRAAGVERHELDERING", "safetyCheckResult", "NOT_ASKED"));
        assertThat(notAsked).isWaitingAt("vraagverheldering");
    }

    @Test
    void evaluatieWithSomeoneNotSafeGoesToVeiligheidWhateverTheEvaluatieOutcome() {
        for (String outcome : List.of("ADJUST_PLAN", "CONTINUE", "CLOSE")) {
            caseId = UUID.randomUUID().toString();
            ProcessInstance route = startAt("evaluatie");
            complete(routeTask("evaluatie"), withVariables("evaluatieOutcome", outcome, "safetyCheckResult", "UNSAFE",
                    "nextEvaluationDate", inDays(28)));

            assertThat(route).as(outcome).isWaitingAt("veiligheid").hasNotPassed("supportEnds");
            assertThat(stages()).containsExactly("EVALUATIE", "VEILIGHEID");
        }
    }

    @Test
    void evaluatieAnsweredSafeClosesSupportAsBefore() {
        ProcessInstance route = startAt("evaluatie");
        complete(routeTask("evaluatie"), withVariables("evaluatieOutcome", "CLOSE", "safetyCheckResult", "SAFE"));
        assertThat(route).isWaitingAt("nazorgWait");
    }

    @Test
    void afterAnUnsafeEvaluatieTheVeiligheidStepLeadsBackIntoTheFullRoute() {
        ProcessInstance route = startAt("evaluatie");
        complete(routeTask("evaluatie"), withVariables("evaluatieOutcome", "CONTINUE", "safetyCheckResult", "UNSAFE",
                "nextEvaluationDate", inDays(28)));
        complete(routeTask("veiligheid"), withVariables("veiligheidOutcome", "CONTINUE_FULL_ROUTE"));
        assertThat(route).isWaitingAt("vraagverheldering");
    }

    // A new safety signal on an open case, at each step

    @ParameterizedTest(name = "at {0}")
    @ValueSource(strings = {"triage", "veiligheid", "toeleiding", "vraagverheldering", "plan", "regie", "evaluatie",
            "nazorgWait", "nazorgControle"})
    void aSafetySignalStartsTheTeamsSafetyTaskAtTheTopAndInterruptsNothing(String step) {
        ProcessInstance route = startAt(step);
        List<String> stagesBefore = stages();
        List<String> jobsBefore = jobIds(route);

        safetySignal();

        Task safetyTask = routeTask("veiligheidNieuwSignaal");
        assertThat(safetyTask.getPriority()).as("above every other task (engine default 50)").isEqualTo(100);
        assertThat(ENGINE.getTaskService().getIdentityLinksForTask(safetyTask.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("team-noord");
        assertThat(route).isActive();
        assertThat(ENGINE.getRuntimeService().getActiveActivityIds(route.getId())).contains(step, "veiligheidNieuwSignaal");
        assertThat(jobIds(route)).as("timers keep running").isEqualTo(jobsBefore);

        complete(safetyTask);

        assertThat(route).hasPassed("veiligheidBeoordeeld");
        assertThat(ENGINE.getRuntimeService().getActiveActivityIds(route.getId())).containsExactly(step);
        assertThat(stages()).as("the safety task moves no stage").isEqualTo(stagesBefore);
        assertThat(jobIds(route)).isEqualTo(jobsBefore);
    }

    @Test
    void aSafetySignalInterruptsNeitherAToegangTermNorAWarmeOverdracht() {
        ProcessInstance route = startAt("regie");
        String requestId = UUID.randomUUID().toString();
        ENGINE.getRuntimeService().createMessageCorrelation("toegangAangevraagd").processInstanceBusinessKey(caseId)
                .setVariablesToTriggeredScope(Map.of("toegangRequestId", requestId, "law", "WMO", "deadlineId", "t",
                        "warnAt", inDays(37), "dueAt", inDays(42)))
                .correlate();
        String handoverId = UUID.randomUUID().toString();
        ENGINE.getRuntimeService().createMessageCorrelation("warmeOverdracht").processInstanceBusinessKey(caseId)
                .setVariablesToTriggeredScope(Variables.createVariables().putValue("handoverId", handoverId)
                        .putValue("receiverGroup", "org:ggz-breburg").putValue("acceptBefore", inDays(7)))
                .correlate();
        ProcessInstance toegang = calledBy("toegang", requestId);
        ProcessInstance handover = calledBy("warmeOverdracht", handoverId);
        List<String> toegangTimers = jobIds(toegang);
        assertThat(toegangTimers).as("warning and breach timer of the Wmo onderzoek").hasSize(2);

        safetySignal();
        complete(routeTask("veiligheidNieuwSignaal"));

        assertThat(toegang).isWaitingAt("onderzoek");
        assertThat(jobIds(toegang)).isEqualTo(toegangTimers);
        assertThat(handover).isWaitingAt("overdrachtBeoordelen");
        assertThat(route).isWaitingAt("regie");
    }

    @Test
    void twoSafetySignalsGiveTwoTasks() {
        ProcessInstance route = startAt("regie");
        safetySignal();
        safetySignal();
        assertThat(ENGINE.getTaskService().createTaskQuery().processInstanceId(route.getId())
                .taskDefinitionKey("veiligheidNieuwSignaal").count()).isEqualTo(2);
    }

    // Nazorg with lasting risk

    @Test
    void withLastingRiskNazorgChecksEverySixWeeksUntilAYearHasPassed() {
        lastingRisk.set(true);
        Instant start = ClockUtil.getCurrentTime().toInstant();
        ProcessInstance route = startAt("evaluatie");
        complete(routeTask("evaluatie"), withVariables("evaluatieOutcome", "CLOSE", "safetyCheckResult", "SAFE"));

        int checks = 0;
        while (route.getProcessInstanceId() != null && !isEnded(route)) {
            Job timer = job();
            assertThat(timer.getDuedate().toInstant())
                    .isBetween(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(42)).minusSeconds(5),
                            ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(42)).plusSeconds(5));
            ClockUtil.setCurrentTime(timer.getDuedate());
            execute(timer);
            assertThat(route).isWaitingAt("nazorgControle");
            checks++;
            complete(routeTask("nazorgControle"), withVariables("nazorgOutcome", "ALL_WELL"));
        }

        assertThat(route).hasPassed("closedAfterNazorg");
        // Six-weekly checks until a year after support ended: the ninth falls 378 days after, the first past the year.
        assertThat(checks).isEqualTo(9);
        assertThat(ClockUtil.getCurrentTime().toInstant()).isAfter(start.plus(Duration.ofDays(365)));
        assertThat(stages()).containsSequence("NAZORG", "NAZORG_CONTROLE", "NAZORG_CONTROLE").endsWith("AFGESLOTEN");
    }

    @Test
    void aReopenDuringTheLongNazorgGoesBackToTriage() {
        lastingRisk.set(true);
        ProcessInstance route = startAt("evaluatie");
        complete(routeTask("evaluatie"), withVariables("evaluatieOutcome", "CLOSE", "safetyCheckResult", "SAFE"));
        execute(job());
        complete(routeTask("nazorgControle"), withVariables("nazorgOutcome", "ALL_WELL"));
        assertThat(route).isWaitingAt("nazorgNextWait");
        execute(job());

        complete(routeTask("nazorgControle"), withVariables("nazorgOutcome", "REOPEN"));

        assertThat(route).isWaitingAt("triage");
    }

    @Test
    void withoutLastingRiskNazorgChecksOnce() {
        ProcessInstance route = startAt("evaluatie");
        complete(routeTask("evaluatie"), withVariables("evaluatieOutcome", "CLOSE", "safetyCheckResult", "NOT_ASKED"));
        execute(job());
        complete(routeTask("nazorgControle"), withVariables("nazorgOutcome", "ALL_WELL"));

        assertThat(route).isEnded().hasPassed("closedAfterNazorg").hasNotPassed("nazorgNextWait");
    }

    private boolean isEnded(ProcessInstance route) {
        return ENGINE.getRuntimeService().createProcessInstanceQuery().processInstanceId(route.getId()).count() == 0;
    }

    private void safetySignal() {
        ENGINE.getRuntimeService().createMessageCorrelation("veiligheidsSignaal").processInstanceBusinessKey(caseId).correlate();
    }

    private ProcessInstance startAt(String activityId) {
        ProcessInstance route = ENGINE.getRuntimeService().createProcessInstanceByKey("routekaart").businessKey(caseId)
                .setVariables(Map.of("caseId", caseId, "candidateGroup", "team-noord", "nazorgPeriod", "P3M"))
                .startBeforeActivity(activityId).execute();
        assertThat(route).isStarted();
        return route;
    }

    private Task routeTask(String key) {
        return ENGINE.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key).singleResult();
    }

    private ProcessInstance calledBy(String processKey, String businessKey) {
        return ENGINE.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).singleResult();
    }

    private List<String> jobIds(ProcessInstance instance) {
        return ENGINE.getManagementService().createJobQuery().processInstanceId(instance.getId()).orderByJobId().asc()
                .list().stream().map(Job::getId).toList();
    }

    private List<String> stages() {
        return STAGES.stream().filter(entry -> entry.startsWith(caseId + ":"))
                .map(entry -> entry.substring(caseId.length() + 1)).toList();
    }

    private static Date inDays(int days) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days)));
    }
}
