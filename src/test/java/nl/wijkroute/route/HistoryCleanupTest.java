package nl.wijkroute.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.BatchWindow;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.spring.boot.starter.event.PublishDelegateParseListener;
import org.camunda.bpm.spring.boot.starter.event.PublishHistoryEventHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The route's history is kept five years (historyTimeToLive P1826D in every BPMN) and then removed: a
 * nightly cleanup window is configured, and the cleanup removes a finished case's history once its
 * removal time (end + TTL) has passed, while a case that ended recently keeps its history.
 */
class HistoryCleanupTest extends ApiTestSupport {

    private static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");

    @Autowired
    ProcessEngine engine;

    @Autowired
    HistoryService historyService;

    @Autowired
    ManagementService managementService;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /** Nothing listens to the starter's Spring events per engine event; they are not published (decision 0061). */
    @Test
    void theEngineDoesNotRepublishItsEventsAsSpringEvents() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getCustomPostBPMNParseListeners()).as("no listener added to every activity")
                .noneMatch(listener -> listener instanceof PublishDelegateParseListener);
        assertThat(configuration.getCustomHistoryEventHandlers()).as("history events go to the database only")
                .noneMatch(handler -> handler instanceof PublishHistoryEventHandler);
    }

    @Test
    void aNightlyCleanupWindowInDutchNightHoursIsScheduled() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchSize()).isEqualTo(500);
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isNotBlank();
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isNotBlank();

        // Winter and summer: the window lies in the Dutch night, whatever the server's time zone.
        for (String day : new String[] {"2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z"}) {
            BatchWindow window = configuration.getBatchWindowManager()
                    .getCurrentOrNextBatchWindow(Date.from(Instant.parse(day)), configuration);
            LocalTime start = ZonedDateTime.ofInstant(window.getStart().toInstant(), DUTCH).toLocalTime();
            LocalTime end = ZonedDateTime.ofInstant(window.getEnd().toInstant(), DUTCH).toLocalTime();
            assertThat(start).as("window start, Dutch time, " + day).isBetween(LocalTime.of(0, 0), LocalTime.of(3, 0));
            assertThat(end).as("window end, Dutch time, " + day).isBetween(LocalTime.of(4, 0), LocalTime.of(6, 0));
        }
        // The engine scheduled its cleanup job at start-up (the job executor runs it in the window).
        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty();
    }

    @Test
    void aFinishedCaseLosesItsEngineHistoryWhenItsTimeToLiveHasPassed() throws Exception {
        // Closed at triage: the route ends at once, so its removal time is now + P1826D.
        UUID oldCase = openCaseInNoord();
        step(oldCase, "triage", TestUsers.wijkcoach(), triage("CLOSE_NO_HELP", "NONE", false, "Advies gegeven."));
        HistoricProcessInstance ended = routeOf(oldCase);
        assertThat(ended.getEndTime()).isNotNull();
        assertThat(ended.getRemovalTime()).isAfter(Date.from(Instant.now().plus(Duration.ofDays(1825))));
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(ended.getId()).count()).isPositive();

        // Five years and two days later a case that ended yesterday keeps its history.
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(1828))));
        UUID recentCase = openCaseInNoord();
        step(recentCase, "triage", TestUsers.wijkcoach(), triage("CLOSE_NO_HELP", "NONE", false, "Advies gegeven."));
        String recentRoute = routeOf(recentCase).getId();

        cleanUpNow();

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(ended.getId()).count()).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(ended.getId()).count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(ended.getId()).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(recentRoute).count()).isOne();
        // Only the engine's history goes: the case file and its step history follow the retention rules (decision 0019).
        assertThat(jdbc.queryForObject("select count(*) from step_history where case_id = ?", Integer.class, oldCase)).isPositive();
    }

    private HistoricProcessInstance routeOf(UUID caseId) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId.toString())
                .processDefinitionKey(RoutekaartIds.PROCESS).singleResult();
    }

    /**
     * Runs the cleanup job now (the test profile has no job executor) until it finds nothing more to remove;
     * other tests in this context leave finished routes too, so one batch need not reach ours.
     */
    private void cleanUpNow() {
        historyService.cleanUpHistoryAsync(true);
        for (int round = 0; round < 20; round++) {
            long before = historyService.createHistoricProcessInstanceQuery().finished().count();
            for (Job job : historyService.findHistoryCleanupJobs()) {
                managementService.executeJob(job.getId());
            }
            if (historyService.createHistoricProcessInstanceQuery().finished().count() == before) {
                return;
            }
        }
    }
}
