package nl.wijkroute.dashboard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For the dashboard benchmark: one Prometheus scrape of the business gauges, each time with a fresh
 * snapshot. The application's {@link BusinessMetrics} serves a snapshot for 15 s, so timing its gauges
 * would mostly time the cache; this one gets a clock that the benchmark moves past that on every scrape.
 */
public final class DashboardBenchmarkGauges {

    private DashboardBenchmarkGauges() {
    }

    /** A scrape that recomputes the snapshot (three queries) and returns the sum of all gauge values. */
    public static Supplier<Object> freshScrape(JdbcTemplate jdbc) {
        SteppingClock clock = new SteppingClock();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // Gauges hold their object weakly: the scrape keeps it alive.
        BusinessMetrics metrics = new BusinessMetrics(jdbc, clock, registry);
        return () -> {
            Objects.requireNonNull(metrics);
            clock.now = clock.now.plus(Duration.ofMinutes(1));
            return registry.getMeters().stream().filter(Gauge.class::isInstance).mapToDouble(meter -> ((Gauge) meter).value()).sum();
        };
    }

    private static final class SteppingClock extends Clock {
        private Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
