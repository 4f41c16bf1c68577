package nl.wijkroute.privacy.accesslog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import nl.wijkroute.system.ScrapeSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the access log is being sealed, for Prometheus: {@code wijkroute_access_log_unsealed_oldest_seconds} is
 * the age of the oldest committed entry still waiting in the seal queue (0 when the queue is empty). The sealer runs
 * every 2 s on one instance of the cluster (decision 0031); an entry that waits minutes means no instance seals (the
 * scheduler's lock is stuck, every instance is down but still serving, or each seal fails), and until it is sealed an
 * entry can be removed or changed without a trace. The verification endpoint shows the same, but only when somebody
 * asks; this gauge lets an alert ask every scrape (docs/operations.md).
 * <p>
 * Cluster-wide and cheap: the queue's primary key walked from its lowest key to the first entry that exists in the log
 * (one row unless entries were removed); taken at most every 15 s and shared by the scrapes in between.
 */
@Component
class AccessLogMetrics {

    private final JdbcTemplate jdbc;
    private final ScrapeSnapshot<Double> oldestUnsealedSeconds;

    AccessLogMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.oldestUnsealedSeconds = new ScrapeSnapshot<>(clock, now -> read());
        Gauge.builder("wijkroute.access_log.unsealed.oldest", this, m -> m.oldestUnsealedSeconds.get())
                .description("Age of the oldest access-log entry not yet sealed into the chain (0: none waiting)")
                .baseUnit("seconds").register(registry);
    }

    /** The next scrape reads afresh (a test that has just queued or sealed entries). */
    void forgetSnapshot() {
        oldestUnsealedSeconds.forget();
    }

    private double read() {
        // The database's clock on both sides: the instance's clock may differ from the one that wrote logged_at. The
        // oldest queued entry that exists: a queue row whose entry was removed (by hand) must not hide the others' age.
        List<Double> age = jdbc.queryForList("""
                select extract(epoch from statement_timestamp() - l.logged_at)::float8
                from access_log_unsealed u join access_log l on l.id = u.entry_id
                order by u.entry_id limit 1""", Double.class);
        return age.isEmpty() || age.get(0) == null ? 0 : Math.max(0, age.get(0));
    }
}
