package nl.wijkroute.dashboard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import nl.wijkroute.route.Stage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Business gauges for Prometheus beside the technical ones: cases per route step, legal terms
 * overdue, open escalations. Counts only. One snapshot serves a scrape (refreshed at most every 15 s),
 * so a scrape costs three small queries.
 */
@Component
class BusinessMetrics {

    private static final Duration FRESH = Duration.ofSeconds(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(Instant takenAt, Map<Stage, Long> perStage, long overdueTerms, long openEscalations) {
    }

    BusinessMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (Stage stage : Stage.values()) {
            if (stage != Stage.AFGESLOTEN) {
                Gauge.builder("wijkroute.cases.in.stage", this, metrics -> metrics.current().perStage().getOrDefault(stage, 0L))
                        .description("Open cases (incl. nazorg) per route step").tag("stage", stage.name()).register(registry);
            }
        }
        Gauge.builder("wijkroute.legal.terms.overdue", this, metrics -> metrics.current().overdueTerms())
                .description("Legal terms past their end without a decision").register(registry);
        Gauge.builder("wijkroute.escalations.open", this, metrics -> metrics.current().openEscalations())
                .description("Escalations not yet handed back to the casusregisseur").register(registry);
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        Instant now = clock.instant();
        if (last != null && last.takenAt().plus(FRESH).isAfter(now)) {
            return last;
        }
        Map<Stage, Long> perStage = new EnumMap<>(Stage.class);
        jdbc.query(ReportingViews.sql("select current_stage, count(*) from {case} where status <> 'CLOSED' group by current_stage"),
                rs -> {
                    perStage.put(Stage.valueOf(rs.getString(1)), rs.getLong(2));
                });
        Long overdue = jdbc.queryForObject(ReportingViews.sql("select count(*) from {legal_term} where status <> 'MET' and breached"), Long.class);
        Long escalations = jdbc.queryForObject(ReportingViews.sql("select count(*) from {escalation} where status <> 'DEESCALATED'"), Long.class);
        Snapshot fresh = new Snapshot(now, perStage, overdue == null ? 0 : overdue, escalations == null ? 0 : escalations);
        snapshot = fresh;
        return fresh;
    }
}
