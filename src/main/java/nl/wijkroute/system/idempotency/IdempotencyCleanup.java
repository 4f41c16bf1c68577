package nl.wijkroute.system.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets Idempotency-Keys older than their lifetime. Each batch is its own short statement (no
 * surrounding transaction), so signals that claim keys meanwhile never wait long behind the clean-up;
 * the index on created_at (V24) keeps each batch cheap. Keys still in flight are younger than any
 * lifetime and are never touched.
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IdempotencyProperties properties;

    IdempotencyCleanup(JdbcTemplate jdbc, Clock clock, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * The hourly run, on one instance of the cluster. Void: ShedLock cannot lock a method returning a primitive
     * (it throws, and the clean-up never ran). lockAtLeastFor: a quick run is not repeated by an instance whose
     * clock is a little behind.
     */
    @Scheduled(cron = "${wijkroute.idempotency.cleanup-cron:0 17 * * * *}")
    @SchedulerLock(name = "idempotency-cleanup", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void removeExpiredOnSchedule() {
        removeExpired();
    }

    /** Removes every key first used longer than the lifetime ago; returns how many. */
    public int removeExpired() {
        Instant cutoff = clock.instant().minus(properties.lifetime());
        int total = 0;
        int removed;
        do {
            removed = jdbc.update("""
                    delete from idempotency_record r
                    using (select client_id, idempotency_key from idempotency_record
                           where created_at < ? order by created_at limit ?) expired
                    where r.client_id = expired.client_id and r.idempotency_key = expired.idempotency_key
                    """, Timestamp.from(cutoff), properties.cleanupBatchSize());
            total += removed;
        } while (removed == properties.cleanupBatchSize());
        if (total > 0) {
            log.info("Removed {} idempotency keys older than {}", total, properties.lifetime());
        }
        return total;
    }
}
