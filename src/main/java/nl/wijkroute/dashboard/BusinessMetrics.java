package nl.wijkroute.dashboard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import nl.wijkroute.route.Stage;
import nl.wijkroute.system.ScrapeSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Business gauges for Prometheus beside the technical ones: cases per route step, legal terms
 * overdue, open escalations. Counts only. One snapshot serves a scrape (refreshed at most every 15 s),
 * so a scrape costs three small queries.
 */
@Component
class BusinessMetrics {

    private final JdbcTemplate jdbc;
    private final ScrapeSnapshot<Snapshot> snapshot;

    private record Snapshot(Map<Stage, Long> perStage, long overdueTerms, long openEscalations) {
    }

    BusinessMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.snapshot = new ScrapeSnapshot<>(clock, now -> read());
        for (Stage stage : Stage.values()) {
            if (stage != Stage.AFGESLOTEN) {
                Gauge.builder("wijkroute.cases.in.stage", this, metrics -> metrics.snapshot.get().perStage().getOrDefault(stage, 0L))
                        .description("Open cases (incl. nazorg) per route step").tag("stage", stage.name()).register(registry);
            }
        }
        Gauge.builder("wijkroute.legal.terms.overdue", this, metrics -> metrics.snapshot.get().overdueTerms())
                .description("Legal terms past their end without a decision").register(registry);
        Gauge.builder("wijkroute.escalations.open", this, metrics -> metrics.snapshot.get().openEscalations())
                .description("Escalations not yet handed back to the casusregisseur").register(registry);
    }

    private Snapshot read() {
        Map<Stage, Long> perStage = new EnumMap<>(Stage.class);
        jdbc.query(ReportingViews.sql("select current_stage, count(*) from {case} where status <> 'CLOSED' group by current_stage"),
                rs -> {
                    perStage.put(Stage.valueOf(rs.getString(1)), rs.getLong(2));
                });
        Long overdue = jdbc.queryForObject(ReportingViews.sql("select count(*) from {legal_term} where status <> 'MET' and breached"), Long.class);
        Long escalations = jdbc.queryForObject(ReportingViews.sql("select count(*) from {escalation} where status <> 'DEESCALATED'"), Long.class);
        return new Snapshot(perStage, overdue == null ? 0 : overdue, escalations == null ? 0 : escalations);
    }
}
