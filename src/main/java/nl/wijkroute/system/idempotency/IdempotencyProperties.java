package nl.wijkroute.system.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an Idempotency-Key is remembered. A partner may retry with the same key for at least the
 * lifetime and gets the stored answer; after the hourly clean-up has removed the key, the same key is
 * a new request (README, "Idempotency-Key"; decision 0029).
 *
 * @param lifetime          ISO-8601 duration a key is kept after its first use (PT72H)
 * @param cleanupBatchSize  rows removed per statement, so the clean-up never holds one long transaction
 * @param cleanupCron       when the clean-up runs (Spring cron); "-" switches it off
 */
@ConfigurationProperties("wijkroute.idempotency")
public record IdempotencyProperties(
        @DefaultValue("PT72H") Duration lifetime,
        @DefaultValue("1000") int cleanupBatchSize,
        @DefaultValue("0 17 * * * *") String cleanupCron) {

    public IdempotencyProperties {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("wijkroute.idempotency.lifetime must be positive");
        }
        if (cleanupBatchSize < 1) {
            throw new IllegalArgumentException("wijkroute.idempotency.cleanup-batch-size must be at least 1");
        }
    }
}
