package nl.wijkroute.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.Incident;
import nl.wijkroute.system.ScrapeSnapshot;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of the engine, for Prometheus (alert rules: docs/operations.md):
 * <ul>
 * <li>{@code wijkroute_engine_incidents_open} (failed jobs, failed external tasks): cluster-wide, from the
 *     runtime service;</li>
 * <li>{@code wijkroute_engine_jobs_failed}: jobs whose retries are exhausted (the route stands still there);</li>
 * <li>{@code wijkroute_engine_jobs_overdue}: executable jobs due more than a minute ago: acquisition is not
 *     keeping up, or no instance acquires at all;</li>
 * <li>{@code wijkroute_engine_job_acquisition_*} and {@code wijkroute_engine_jobs_executed_*}: this instance's
 *     own job executor since it started (counters; use {@code rate()}), read from the engine's in-memory
 *     meters.</li>
 * </ul>
 * A scrape must stay cheap: the cluster-wide counts are four count queries on indexed columns, taken at most
 * every 15 s and shared by all scrapes in between; the counters read memory only.
 */
@Component
class EngineMetrics {

    private static final Duration OVERDUE = Duration.ofMinutes(1);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final ScrapeSnapshot<Snapshot> snapshot;

    private record Snapshot(long failedJobIncidents, long otherIncidents, long failedJobs,
                            long overdueJobs) {
    }

    EngineMetrics(ProcessEngine engine, Clock clock, MeterRegistry registry) {
        this.runtime = engine.getRuntimeService();
        this.management = engine.getManagementService();
        this.snapshot = new ScrapeSnapshot<>(clock, this::read);
        Gauge.builder("wijkroute.engine.incidents.open", this, m -> m.snapshot.get().failedJobIncidents())
                .description("Open engine incidents").tag("type", Incident.FAILED_JOB_HANDLER_TYPE).register(registry);
        Gauge.builder("wijkroute.engine.incidents.open", this, m -> m.snapshot.get().otherIncidents())
                .description("Open engine incidents").tag("type", "other").register(registry);
        Gauge.builder("wijkroute.engine.jobs.failed", this, m -> m.snapshot.get().failedJobs())
                .description("Jobs with no retries left (the route stands still until an operator retries)")
                .register(registry);
        Gauge.builder("wijkroute.engine.jobs.overdue", this, m -> m.snapshot.get().overdueJobs())
                .description("Executable jobs due more than a minute ago (job acquisition is behind)")
                .register(registry);

        // This instance's job executor: the engine counts in memory (the database reporter is off, see
        // application.yml, so nothing resets these counts); each instance reports its own.
        var metrics = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getMetricsRegistry();
        counter(registry, metrics.getDbMeters().get(Metrics.JOB_ACQUISITION_ATTEMPT), "wijkroute.engine.job.acquisition.attempts",
                "Acquisition cycles of this instance's job executor");
        counter(registry, metrics.getDbMeters().get(Metrics.JOB_ACQUIRED_SUCCESS), "wijkroute.engine.job.acquisition.acquired",
                "Jobs this instance acquired");
        counter(registry, metrics.getDbMeters().get(Metrics.JOB_ACQUIRED_FAILURE), "wijkroute.engine.job.acquisition.conflicts",
                "Jobs another instance acquired first (optimistic locking)");
        counter(registry, metrics.getDbMeters().get(Metrics.JOB_EXECUTION_REJECTED), "wijkroute.engine.job.acquisition.rejected",
                "Acquired jobs the executor's queue could not take");
        counter(registry, metrics.getDbMeters().get(Metrics.JOB_SUCCESSFUL), "wijkroute.engine.jobs.executed.successful",
                "Jobs this instance executed successfully");
        counter(registry, metrics.getDbMeters().get(Metrics.JOB_FAILED), "wijkroute.engine.jobs.executed.failed",
                "Job executions on this instance that failed (retried while retries are left)");
    }

    private static void counter(MeterRegistry registry, Meter meter, String name, String description) {
        if (meter != null) {
            FunctionCounter.builder(name, meter, Meter::get).description(description).register(registry);
        }
    }

    /** The next scrape counts afresh (a test that has just made a job fail). */
    void forgetSnapshot() {
        snapshot.forget();
    }

    private Snapshot read(Instant now) {
        long allIncidents = runtime.createIncidentQuery().count();
        long failedJobIncidents = runtime.createIncidentQuery().incidentType(Incident.FAILED_JOB_HANDLER_TYPE).count();
        long failedJobs = management.createJobQuery().noRetriesLeft().count();
        long overdue = management.createJobQuery().executable().duedateLowerThan(Date.from(now.minus(OVERDUE))).count();
        return new Snapshot(failedJobIncidents, allIncidents - failedJobIncidents, failedJobs, overdue);
    }
}
