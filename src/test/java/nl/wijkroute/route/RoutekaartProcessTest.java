package nl.wijkroute.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.wijkroute.support.TestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through bpmn/routekaart.bpmn, on a real PostgreSQL 17 with a standalone engine that has
 * the application's stage plugin, so each test also sees which stages the case enters.
 */
@Deployment(resources = {"bpmn/routekaart.bpmn", "bpmn/warme-overdracht.bpmn"})
class RoutekaartProcessTest {

    private static final EmbeddedPostgres POSTGRES = TestEngines.postgres();
    private static final List<String> STAGES = new CopyOnWriteArrayList<>();
    // Not final: the Camunda extension injects the engine into ProcessEngine fields (the same instance).
    private static ProcessEngine ENGINE = TestEngines.engine("routekaart-process-test", POSTGRES,
            (execution, stage) -> STAGES.add(execution.getProcessBusinessKey() + ":" + stage.name()));

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

    private String caseId;

    @BeforeEach
    void newCase() {
        BpmnAwareTests.init(ENGINE);
        caseId = UUID.randomUUID().toString();
        // The nazorg start listener (safety.SafetyCheckNazorg): no lasting risk in these paths (see SafetyCheckProcessTest).
        Mocks.register("safetyCheckNazorg", (ExecutionListener) e -> { });
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    @AfterAll
    static void stop() throws IOException {
        ENGINE.close();
        POSTGRES.close();
    }

    @Test
    void triageNoHelpNeededClosesTheCase() {
        ProcessInstance route = start();
        assertThat(route).isWaitingAt("triage");

        complete(task(), withVariables("triageRoute", "CLOSE_NO_HELP"));

        assertThat(route).isEnded().hasPassed("closedAfterTriage");
        assertThat(stages()).containsExactly("TRIAGE", "AFGESLOTEN");
    }

    @Test
    void triageWithAcuteSafetyConcernGoesToSafetyTaskFirst() {
        ProcessInstance route = start();
        complete(task(), withVariables("triageRoute", "SAFETY_FIRST"));

        assertThat(route).isWaitingAt("veiligheid");
        complete(task(), withVariables("veiligheidOutcome", "SPECIALIST_TOOK_OVER"));

        assertThat(route).isWaitingAt("veiligThuisAanZet");
        assertThat(stages()).containsExactly("TRIAGE", "VEILIGHEID");
    }

    @Test
    void whenVeiligThuisHandsTheCaseBackTheRouteContinuesAtThePlan() {
        ProcessInstance route = start();
        complete(task(), withVariables("triageRoute", "SAFETY_FIRST"));
        complete(task(), withVariables("veiligheidOutcome", "SPECIALIST_TOOK_OVER"));

        ENGINE.getRuntimeService().createMessageCorrelation(RoutekaartIds.VT_RETURNS_MESSAGE)
                .processInstanceBusinessKey(caseId).correlate();

        assertThat(route).isWaitingAt("plan").hasPassed("vtReturns");
        assertThat(stages()).containsExactly("TRIAGE", "VEILIGHEID", "PLAN");
    }

    @Test
    void whenVeiligThuisKeepsTheCaseSupportEndsInNazorg() {
        ProcessInstance route = start();
        complete(task(), withVariables("triageRoute", "SAFETY_FIRST"));
        complete(task(), withVariables("veiligheidOutcome", "SPECIALIST_TOOK_OVER"));

        complete(task(), withVariables("veiligThuisOutcome", "VT_KEEPS_CASE"));

        assertThat(route).isWaitingAt("nazorgWait").hasPassed("supportEnds");
        assertThat(stages()).containsExactly("TRIAGE", "VEILIGHEID", "NAZORG");
    }

    @Test
    void afterSafetyTheFullRouteCanFollow() {
        ProcessInstance route = start();
        complete(task(), withVariables("triageRoute", "SAFETY_FIRST"));
        complete(task(), withVariables("veiligheidOutcome", "CONTINUE_FULL_ROUTE"));

        assertThat(route).isWaitingAt("vraagverheldering");
        assertThat(stages()).containsExactly("TRIAGE", "VEILIGHEID", "VRAAGVERHELDERING");
    }

    @Test
    void oneClearQuestionTakesTheShortRouteToNazorg() {
        ProcessInstance route = start();
        complete(task(), withVariables("triageRoute", "SHORT_ROUTE"));
        assertThat(route).isWaitingAt("toeleiding");

        complete(task(), withVariables("toeleidingOutcome", "CONNECTED"));

        assertThat(route).isWaitingAt("nazorgWait");
        assertThat(stages()).containsExactly("TRIAGE", "TOELEIDING", "NAZORG");
    }

    @Test
    void shortRouteCanTurnIntoTheFullRoute() {
        ProcessInstance route = start();
        complete(task(), withVariables("triageRoute", "SHORT_ROUTE"));
        complete(task(), withVariables("toeleidingOutcome", "NEEDS_FULL_ROUTE"));

        assertThat(route).isWaitingAt("vraagverheldering");
    }

    @Test
    void fullRouteRunsToEvaluationThenNazorgThenClosedAfterTheCheck() {
        ProcessInstance route = start();
        complete(task(), withVariables("triageRoute", "FULL_ROUTE"));
        complete(task(), withVariables("vraagverhelderingOutcome", "TO_PLAN"));
        complete(task(), withVariables("planOutcome", "TO_REGIE", "nextEvaluationDate", inWeeks(6)));
        complete(task(), withVariables("regieOutcome", "TO_EVALUATIE"));
        complete(task(), withVariables("evaluatieOutcome", "CLOSE"));

        assertThat(route).isWaitingAt("nazorgWait");
        Date due = job().getDuedate();
        assertThat(due).isBetween(Date.from(ZonedDateTime.now().plusMonths(3).minusMinutes(5).toInstant()),
                Date.from(ZonedDateTime.now().plusMonths(3).plusMinutes(5).toInstant()));

        execute(job());
        assertThat(route).isWaitingAt("nazorgControle");
        complete(task(), withVariables("nazorgOutcome", "ALL_WELL"));

        assertThat(route).isEnded().hasPassed("closedAfterNazorg");
        assertThat(stages()).containsExactly("TRIAGE", "VRAAGVERHELDERING", "PLAN", "REGIE", "EVALUATIE", "NAZORG",
                "NAZORG_CONTROLE", "AFGESLOTEN");
    }

    @Test
    void vraagverhelderingCanGoBackToTriage() {
        ProcessInstance route = start();
        complete(task(), withVariables("triageRoute", "FULL_ROUTE"));
        complete(task(), withVariables("vraagverhelderingOutcome", "BACK_TO_TRIAGE"));

        assertThat(route).isWaitingAt("triage");
        assertThat(stages()).containsExactly("TRIAGE", "VRAAGVERHELDERING", "TRIAGE");
    }

    @Test
    void planCanGoBackToVraagverheldering() {
        ProcessInstance route = startAt("plan");
        complete(task(), withVariables("planOutcome", "BACK_TO_VRAAGVERHELDERING"));
        assertThat(route).isWaitingAt("vraagverheldering");
    }

    @Test
    void regieCanGoBackToThePlan() {
        ProcessInstance route = startAt("regie");
        complete(task(), withVariables("regieOutcome", "BACK_TO_PLAN"));
        assertThat(route).isWaitingAt("plan");
    }

    @Test
    void evaluatieCanAdjustThePlan() {
        ProcessInstance route = startAt("evaluatie");
        complete(task(), withVariables("evaluatieOutcome", "ADJUST_PLAN"));
        assertThat(route).isWaitingAt("plan");
        assertThat(stages()).containsExactly("EVALUATIE", "PLAN");
    }

    @Test
    void continuingSupportReturnsToRegieDueAtTheNextEvaluationDate() {
        ProcessInstance route = startAt("evaluatie");
        Date next = inWeeks(8);
        complete(task(), withVariables("evaluatieOutcome", "CONTINUE", "nextEvaluationDate", next));

        assertThat(route).isWaitingAt("regie");
        assertThat(task().getDueDate()).isEqualTo(next);
    }

    @Test
    void regieWithoutAnEvaluationDateHasNoDueDate() {
        startAt("regie");
        assertThat(task().getDueDate()).isNull();
    }

    @Test
    void nazorgCheckCanReopenTheCaseAtTriage() {
        ProcessInstance route = startAt("nazorgControle");
        complete(task(), withVariables("nazorgOutcome", "REOPEN"));

        assertThat(route).isWaitingAt("triage");
    }

    @Test
    void newSignalWhileWaitingInNazorgReopensTheCaseAtTriage() {
        ProcessInstance route = start();
        complete(task(), withVariables("triageRoute", "SHORT_ROUTE"));
        complete(task(), withVariables("toeleidingOutcome", "CONNECTED"));
        assertThat(route).isWaitingAt("nazorgWait");

        ENGINE.getRuntimeService().createMessageCorrelation("nieuwSignaal").processInstanceBusinessKey(caseId).correlate();

        assertThat(route).isWaitingAt("triage");
        assertThat(ENGINE.getManagementService().createJobQuery().processInstanceId(route.getId()).count())
                .as("the nazorg timer is cancelled").isZero();
        assertThat(stages()).containsExactly("TRIAGE", "TOELEIDING", "NAZORG", "TRIAGE");
    }

    @Test
    void newSignalDuringTheNazorgCheckAlsoReopensAtTriage() {
        ProcessInstance route = startAt("nazorgControle");
        ENGINE.getRuntimeService().createMessageCorrelation("nieuwSignaal").processInstanceBusinessKey(caseId).correlate();
        assertThat(route).isWaitingAt("triage");
    }

    @Test
    void triageIsOfferedToTheTeamAndTheFrontOfficeOtherStepsOnlyToTheTeam() {
        start();
        assertThat(candidateGroups()).containsExactlyInAnyOrder("team-noord", "frontoffice");

        complete(task(), withVariables("triageRoute", "FULL_ROUTE"));
        assertThat(candidateGroups()).containsExactly("team-noord");
    }

    @Test
    void anUnknownOrMissingOutcomeFailsInsteadOfRoutingSilently() {
        ProcessInstance route = start();
        String taskId = task().getId();

        assertThatThrownBy(() -> ENGINE.getTaskService().complete(taskId, Map.of("triageRoute", "SCENIC_ROUTE")))
                .isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> ENGINE.getTaskService().complete(taskId))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(route).isWaitingAt("triage");
        assertThat(stages()).containsExactly("TRIAGE");
    }

    private ProcessInstance start() {
        return asserted(ENGINE.getRuntimeService().startProcessInstanceByKey("routekaart", caseId, startVariables()));
    }

    /** camunda-bpm-assert's task() and job() work on the last asserted instance. */
    private static ProcessInstance asserted(ProcessInstance route) {
        assertThat(route).isStarted();
        return route;
    }

    /** Starts a route directly before one step, to test that step's exits without replaying the route. */
    private ProcessInstance startAt(String activityId) {
        return asserted(ENGINE.getRuntimeService().createProcessInstanceByKey("routekaart")
                .businessKey(caseId).setVariables(startVariables()).startBeforeActivity(activityId).execute());
    }

    private Map<String, Object> startVariables() {
        return Map.of("caseId", caseId, "candidateGroup", "team-noord", "nazorgPeriod", "P3M");
    }

    private List<String> stages() {
        return STAGES.stream().filter(entry -> entry.startsWith(caseId + ":"))
                .map(entry -> entry.substring(caseId.length() + 1)).toList();
    }

    private List<String> candidateGroups() {
        return ENGINE.getTaskService().getIdentityLinksForTask(task().getId()).stream()
                .map(IdentityLink::getGroupId).toList();
    }

    private static Date inWeeks(int weeks) {
        return Date.from(ZonedDateTime.now().plusWeeks(weeks).withNano(0).toInstant());
    }


}
