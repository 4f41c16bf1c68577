package nl.wijkroute.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.TestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
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

/** Every path through bpmn/warme-overdracht.bpmn, and the route starting it without waiting for it. */
@Deployment(resources = {"bpmn/warme-overdracht.bpmn", "bpmn/routekaart.bpmn"})
class WarmeOverdrachtProcessTest {

    private static final EmbeddedPostgres POSTGRES = TestEngines.postgres();
    // Not final: the Camunda extension injects the engine into ProcessEngine fields (the same instance).
    private static ProcessEngine ENGINE = TestEngines.engine("warme-overdracht-test", POSTGRES, (execution, stage) -> { });

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

    private final List<String> calls = new ArrayList<>();
    private String handoverId;

    @BeforeEach
    void delegates() {
        BpmnAwareTests.init(ENGINE);
        handoverId = UUID.randomUUID().toString();
        // The nazorg start listener of routekaart.bpmn (safety.SafetyCheckNazorg): no lasting risk here.
        Mocks.register("safetyCheckNazorg", (org.camunda.bpm.engine.delegate.ExecutionListener) e -> { });
        Mocks.register("handoverAccepted", (org.camunda.bpm.engine.delegate.JavaDelegate) e -> calls.add("accepted:" + e.getVariable("handoverId")));
        Mocks.register("handoverDeclined", (org.camunda.bpm.engine.delegate.JavaDelegate) e -> calls.add("declined:" + e.getVariable("declineReason")));
        Mocks.register("handoverOverdue", (org.camunda.bpm.engine.delegate.JavaDelegate) e -> calls.add("overdue:" + e.getVariable("handoverId")));
        Mocks.register("handoverWithdrawnByClosing", (org.camunda.bpm.engine.delegate.JavaDelegate) e -> calls.add("closed:" + e.getVariable("handoverId")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @AfterAll
    static void stop() throws IOException {
        ENGINE.close();
        POSTGRES.close();
    }

    @Test
    void theReceivingOrganisationAcceptsAndTheHandoverIsApplied() {
        ProcessInstance handover = start(inWorkingDays(5));
        assertThat(handover).isWaitingAt("overdrachtBeoordelen");
        assertThat(ENGINE.getTaskService().getIdentityLinksForTask(task().getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("org:ggz-breburg");

        complete(task(), withVariables("handoverDecision", "ACCEPTED"));

        assertThat(handover).isEnded().hasPassed("applyAcceptance", "accepted");
        assertThat(calls).containsExactly("accepted:" + handoverId);
    }

    @Test
    void theReceiverDeclinesWithAReasonAndNothingChangesHands() {
        ProcessInstance handover = start(inWorkingDays(5));
        complete(task(), withVariables("handoverDecision", "DECLINED", "declineReason", "Geen plek tot maart"));

        assertThat(handover).isEnded().hasPassed("applyDecline", "declined").hasNotPassed("applyAcceptance");
        assertThat(calls).containsExactly("declined:Geen plek tot maart");
    }

    @Test
    void notAcceptedInTimeRaisesStagnationButTheHandoverStaysOpen() {
        Date acceptBefore = inWorkingDays(5);
        ProcessInstance handover = start(acceptBefore);
        assertThat(task().getDueDate()).isEqualTo(acceptBefore);
        assertThat(job().getDuedate()).isEqualTo(acceptBefore);

        execute(job());

        assertThat(calls).containsExactly("overdue:" + handoverId);
        assertThat(handover).isWaitingAt("overdrachtBeoordelen").hasPassed("overdueSignalled");
        complete(task(), withVariables("handoverDecision", "ACCEPTED"));
        assertThat(handover).isEnded().hasPassed("accepted");
    }

    @Test
    void theSenderWithdrawsBeforeADecision() {
        ProcessInstance handover = start(inWorkingDays(5));

        ENGINE.getRuntimeService().createMessageCorrelation("overdrachtIngetrokken").processInstanceBusinessKey(handoverId).correlate();

        assertThat(handover).isEnded().hasPassed("withdrawn").hasNotPassed("applyAcceptance", "applyDecline");
        assertThat(calls).isEmpty();
        assertThat(ENGINE.getManagementService().createJobQuery().processInstanceId(handover.getId()).count()).isZero();
    }

    @Test
    void theRouteStartsAHandoverAndCarriesOnWithoutWaitingForIt() {
        String caseId = UUID.randomUUID().toString();
        ProcessInstance route = ENGINE.getRuntimeService().createProcessInstanceByKey("routekaart").businessKey(caseId)
                .setVariables(Map.of("caseId", caseId, "candidateGroup", "team-noord", "nazorgPeriod", "P3M"))
                .startBeforeActivity("regie").execute();

        ENGINE.getRuntimeService().createMessageCorrelation("warmeOverdracht").processInstanceBusinessKey(caseId)
                .setVariablesToTriggeredScope(Variables.createVariables().putValue("handoverId", handoverId)
                        .putValue("receiverGroup", "org:ggz-breburg").putValue("acceptBefore", inWorkingDays(5)))
                .correlate();

        ProcessInstance handover = ENGINE.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("warmeOverdracht")
                .processInstanceBusinessKey(handoverId).singleResult();
        assertThat(handover).isWaitingAt("overdrachtBeoordelen");
        assertThat(ENGINE.getRuntimeService().getVariable(handover.getId(), "caseId")).isEqualTo(caseId);
        assertThat(route).isWaitingAt("regie", "handoverCall");
        assertThat(ENGINE.getRuntimeService().getVariable(route.getId(), "handoverId")).as("handover variables stay local").isNull();

        complete(task(handover), withVariables("handoverDecision", "ACCEPTED"));
        assertThat(route).isWaitingAt("regie").hasPassed("handoverDone");
    }

    @Test
    void whenTheCaseClosesAPendingHandoverIsWithdrawnAndTheReceiversTaskAndTimerEnd() {
        ProcessInstance otherCasesHandover = ENGINE.getRuntimeService().startProcessInstanceByKey("warmeOverdracht",
                UUID.randomUUID().toString(), Map.of("handoverId", UUID.randomUUID().toString(), "caseId", UUID.randomUUID().toString(),
                        "receiverGroup", "org:ggz-breburg", "acceptBefore", inWorkingDays(5)));
        String caseId = UUID.randomUUID().toString();
        ProcessInstance route = ENGINE.getRuntimeService().createProcessInstanceByKey("routekaart").businessKey(caseId)
                .setVariables(Map.of("caseId", caseId, "candidateGroup", "team-noord", "nazorgPeriod", "P3M"))
                .startBeforeActivity("evaluatie").execute();
        ENGINE.getRuntimeService().createMessageCorrelation("warmeOverdracht").processInstanceBusinessKey(caseId)
                .setVariablesToTriggeredScope(Variables.createVariables().putValue("handoverId", handoverId)
                        .putValue("receiverGroup", "org:ggz-breburg").putValue("acceptBefore", inWorkingDays(5)))
                .correlate();
        ProcessInstance handover = ENGINE.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("warmeOverdracht")
                .processInstanceBusinessKey(handoverId).singleResult();

        complete(task("evaluatie", route), withVariables("evaluatieOutcome", "CLOSE"));

        assertThat(handover).isEnded().hasPassed("withdrawForClosedCase", "withdrawnCaseClosed")
                .hasNotPassed("applyAcceptance", "applyDecline");
        assertThat(calls).containsExactly("closed:" + handoverId);
        assertThat(ENGINE.getTaskService().createTaskQuery().processInstanceId(handover.getId()).count()).isZero();
        assertThat(ENGINE.getManagementService().createJobQuery().processInstanceId(handover.getId()).count()).isZero();
        assertThat(route).hasPassed("supportEnds", "handoverDone").isWaitingAt("nazorgWait");
        assertThat(otherCasesHandover).as("another case's handover is not touched").isWaitingAt("overdrachtBeoordelen");
    }

    @Test
    void closingAfterTriageAlsoWithdrawsAPendingHandover() {
        String caseId = UUID.randomUUID().toString();
        ProcessInstance route = ENGINE.getRuntimeService().createProcessInstanceByKey("routekaart").businessKey(caseId)
                .setVariables(Map.of("caseId", caseId, "candidateGroup", "team-noord", "nazorgPeriod", "P3M"))
                .startBeforeActivity("triage").execute();
        ENGINE.getRuntimeService().createMessageCorrelation("warmeOverdracht").processInstanceBusinessKey(caseId)
                .setVariablesToTriggeredScope(Variables.createVariables().putValue("handoverId", handoverId)
                        .putValue("receiverGroup", "org:ggz-breburg").putValue("acceptBefore", inWorkingDays(5)))
                .correlate();

        complete(task("triage", route), withVariables("triageRoute", "CLOSE_NO_HELP"));

        assertThat(calls).containsExactly("closed:" + handoverId);
        assertThat(route).isEnded().hasPassed("closedAfterTriage", "handoverDone");
    }

    private ProcessInstance start(Date acceptBefore) {
        ProcessInstance handover = ENGINE.getRuntimeService().startProcessInstanceByKey("warmeOverdracht", handoverId,
                Map.of("handoverId", handoverId, "caseId", UUID.randomUUID().toString(),
                        "receiverGroup", "org:ggz-breburg", "acceptBefore", acceptBefore));
        assertThat(handover).isStarted();
        return handover;
    }

    private static Date inWorkingDays(int days) {
        return Date.from(Instant.now().plus(days + 2L, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    }
}
