package nl.wijkroute.escalation;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.TestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

/** bpmn/escalatie.bpmn: take, doorbraak, follow-up (late or on time), back to the casusregisseur. */
@Deployment(resources = {"bpmn/escalatie.bpmn", "bpmn/routekaart.bpmn", "bpmn/warme-overdracht.bpmn", "bpmn/toegang.bpmn"})
class EscalatieProcessTest {

    private static final EmbeddedPostgres POSTGRES = TestEngines.postgres();
    // Not final: the Camunda extension injects the engine into ProcessEngine fields (the same instance).
    private static ProcessEngine ENGINE = TestEngines.engine("escalatie-test", POSTGRES, (execution, stage) -> { });

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void delegates() {
        BpmnAwareTests.init(ENGINE);
        // The nazorg start listener of routekaart.bpmn (safety.SafetyCheckNazorg): no lasting risk here.
        Mocks.register("safetyCheckNazorg", (org.camunda.bpm.engine.delegate.ExecutionListener) e -> { });
        Mocks.register("doorbraakFollowUpLate", (JavaDelegate) e -> calls.add("late:" + e.getVariable("escalationId")));
        Mocks.register("closingRefusedWhileEscalated", (JavaDelegate) e -> {
            throw new IllegalStateException("closing refused by escalation " + e.getVariable("escalationId"));
        });
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
    void aProcesregisseurTakesRecordsTheDoorbraakAndHandsBack() {
        ProcessInstance escalation = start();
        assertThat(escalation).isWaitingAt("procesregieOppakken");
        assertThat(task()).hasCandidateGroup("procesregisseur");

        complete(task(), withVariables("procesregisseur", "procesregisseur"));
        assertThat(task()).isAssignedTo("procesregisseur").hasDefinitionKey("doorbraak");
        Date followUpBefore = Date.from(Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        complete(task(), withVariables("followUpBefore", followUpBefore));

        assertThat(escalation).isWaitingAt("opvolging");
        assertThat(task().getDueDate()).isEqualTo(followUpBefore);
        complete(task());
        assertThat(escalation).isEnded().hasPassed("deescalated");
        assertThat(calls).isEmpty();
    }

    @Test
    void followUpThatIsLateRaisesStagnationAndTheProcesregisseurStaysOnIt() {
        ProcessInstance escalation = start();
        complete(task(), withVariables("procesregisseur", "procesregisseur"));
        complete(task(), withVariables("followUpBefore", Date.from(Instant.now().plus(3, ChronoUnit.DAYS))));

        execute(job());

        assertThat(calls).hasSize(1);
        assertThat(escalation).isWaitingAt("opvolging").hasPassed("lateFollowUpSignalled");
    }

    @Test
    void theRouteStartsTheEscalationAndCarriesOn() {
        String caseId = UUID.randomUUID().toString();
        ProcessInstance route = ENGINE.getRuntimeService().createProcessInstanceByKey("routekaart").businessKey(caseId)
                .setVariables(Map.of("caseId", caseId, "candidateGroup", "team-noord", "nazorgPeriod", "P3M"))
                .startBeforeActivity("regie").execute();
        String escalationId = UUID.randomUUID().toString();

        ENGINE.getRuntimeService().createMessageCorrelation("escalatie").processInstanceBusinessKey(caseId)
                .setVariablesToTriggeredScope(Map.of("escalationId", escalationId)).correlate();

        ProcessInstance escalation = ENGINE.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("escalatie")
                .processInstanceBusinessKey(escalationId).singleResult();
        assertThat(escalation).isWaitingAt("procesregieOppakken");
        assertThat(route).isWaitingAt("regie", "escalatieCall");
    }

    @Test
    void closingTheCaseIsRefusedWhileTheEscalationRunsAndGoesThroughOnceDeescalated() {
        String caseId = UUID.randomUUID().toString();
        ProcessInstance route = ENGINE.getRuntimeService().createProcessInstanceByKey("routekaart").businessKey(caseId)
                .setVariables(Map.of("caseId", caseId, "candidateGroup", "team-noord", "nazorgPeriod", "P3M"))
                .startBeforeActivity("evaluatie").execute();
        String escalationId = UUID.randomUUID().toString();
        ENGINE.getRuntimeService().createMessageCorrelation("escalatie").processInstanceBusinessKey(caseId)
                .setVariablesToTriggeredScope(Map.of("escalationId", escalationId)).correlate();
        ProcessInstance escalation = ENGINE.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("escalatie")
                .processInstanceBusinessKey(escalationId).singleResult();
        String evaluatie = task("evaluatie", route).getId();

        assertThatThrownBy(() -> ENGINE.getTaskService().complete(evaluatie, Map.of("evaluatieOutcome", "CLOSE")))
                .hasStackTraceContaining("closing refused by escalation " + escalationId);
        assertThat(route).isWaitingAt("evaluatie", "escalatieCall");

        complete(task(escalation), withVariables("procesregisseur", "procesregisseur"));
        complete(task(escalation), withVariables("followUpBefore", Date.from(Instant.now().plus(14, ChronoUnit.DAYS))));
        complete(task(escalation));
        assertThat(escalation).isEnded().hasPassed("deescalated").hasNotPassed("refuseClosing");

        ENGINE.getTaskService().complete(evaluatie, Map.of("evaluatieOutcome", "CLOSE"));
        assertThat(route).hasPassed("supportEnds", "escalatieDone").isWaitingAt("nazorgWait");
    }

    @Test
    void anEscalationOfAnotherCaseDoesNotStopThisCaseFromClosing() {
        ProcessInstance otherCasesEscalation = start();
        String caseId = UUID.randomUUID().toString();
        ProcessInstance route = ENGINE.getRuntimeService().createProcessInstanceByKey("routekaart").businessKey(caseId)
                .setVariables(Map.of("caseId", caseId, "candidateGroup", "team-noord", "nazorgPeriod", "P3M"))
                .startBeforeActivity("evaluatie").execute();

        complete(task("evaluatie", route), withVariables("evaluatieOutcome", "CLOSE"));

        assertThat(route).hasPassed("supportEnds").isWaitingAt("nazorgWait");
        assertThat(otherCasesEscalation).isWaitingAt("procesregieOppakken");
    }

    private ProcessInstance start() {
        ProcessInstance escalation = ENGINE.getRuntimeService().startProcessInstanceByKey("escalatie",
                UUID.randomUUID().toString(), Map.of("escalationId", UUID.randomUUID().toString(),
                        "caseId", UUID.randomUUID().toString()));
        assertThat(escalation).isStarted();
        return escalation;
    }
}
