package nl.wijkroute.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

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
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

/**
 * bpmn/reflectie.bpmn: planned → scoring → (facilitator or timer) scores locked and evidence frozen →
 * prioritising → conversation → actions (weekly reminder while they run) → closed. Every step entered
 * writes the session's status through the one listener.
 */
@Deployment(resources = "bpmn/reflectie.bpmn")
class ReflectieProcessTest {

    private static final EmbeddedPostgres POSTGRES = TestEngines.postgres();
    // Not final: the Camunda extension injects the engine into ProcessEngine fields (the same instance).
    private static ProcessEngine ENGINE = TestEngines.engine("reflectie-test", POSTGRES, (execution, stage) -> { });

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void delegates() {
        BpmnAwareTests.init(ENGINE);
        Mocks.register("reflectionStatus", (ExecutionListener) e -> calls.add("status:" + e.getCurrentActivityId()));
        Mocks.register("reflectionScoringClosed", (JavaDelegate) e -> calls.add("scoringClosed:" + e.getVariable("sessionId")));
        Mocks.register("reflectionActionsReminder", (JavaDelegate) e -> calls.add("reminder:" + e.getVariable("sessionId")));
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
    void aSessionRunsFromPlannedToClosedWithTheFacilitatorClosingTheScoring() {
        ProcessInstance session = start("R/P7D");
        assertThat(session).isWaitingAt("voorbereiden");
        assertThat(task().getAssignee()).as("not in anyone's werkbak").isNull();

        complete(task());
        assertThat(session).isWaitingAt("scoren");
        complete(task());
        assertThat(session).isWaitingAt("prioriteren");
        complete(task());
        assertThat(session).isWaitingAt("gesprek");
        complete(task());
        assertThat(session).isWaitingAt("acties");
        complete(task());

        assertThat(session).isEnded().hasPassedInOrder("voorbereiden", "scoren", "scoresVastzetten", "prioriteren",
                "gesprek", "acties", "gesloten");
        String id = sessionId(session);
        assertThat(calls).containsExactly("status:voorbereiden", "status:scoren", "scoringClosed:" + id,
                "status:prioriteren", "status:gesprek", "status:acties", "status:gesloten");
    }

    @Test
    void theTimerClosesTheScoringWindowAndTheScoresAreLockedTheSameWay() {
        ProcessInstance session = start("R/P7D");
        complete(task(session));
        assertThat(session).isWaitingAt("scoren");
        Job timer = job("scoreTermijnVerstreken", session);
        assertThat(timer.getDuedate()).isEqualTo(scoringClosesAt);

        execute(timer);

        assertThat(session).isWaitingAt("prioriteren").hasPassed("scoreTermijnVerstreken", "scoresVastzetten")
                .hasNotPassed("scoringClosedByFacilitator");
        assertThat(calls).containsExactly("status:voorbereiden", "status:scoren", "scoringClosed:" + sessionId(session),
                "status:prioriteren");
    }

    @Test
    void whileActionsRunAReminderComesEveryCycleAndTheSessionStaysInActions() {
        ProcessInstance session = start("R/P7D");
        complete(task(session));
        complete(task(session));
        complete(task(session));
        complete(task(session));
        assertThat(session).isWaitingAt("acties");

        execute(job("actieHerinnering", session));
        assertThat(session).isWaitingAt("acties");
        execute(job("actieHerinnering", session));
        assertThat(session).isWaitingAt("acties");

        String id = sessionId(session);
        assertThat(calls).filteredOn(call -> call.startsWith("reminder:")).containsExactly("reminder:" + id, "reminder:" + id);
        complete(task(session));
        assertThat(session).isEnded();
        assertThat(calls).last().isEqualTo("status:gesloten");
    }

    private Date scoringClosesAt;

    private ProcessInstance start(String reminderCycle) {
        scoringClosesAt = Date.from(Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        String id = UUID.randomUUID().toString();
        return ENGINE.getRuntimeService().startProcessInstanceByKey("reflectie", id, Map.of("sessionId", id,
                "facilitator", "facilitator-sub", "scoringClosesAt", scoringClosesAt, "actionReminderCycle", reminderCycle));
    }

    private static String sessionId(ProcessInstance session) {
        return session.getBusinessKey();
    }
}
