package nl.wijkroute.system.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Idempotency-Key as the IETF HTTPAPI draft asks: the same key with another body is 422, a retry
 * while the first request is still in flight is 409, and keys live for a configured lifetime.
 */
class IdempotencyApiTest extends ApiTestSupport {

    @Autowired
    DataSource dataSource;

    @Autowired
    IdempotencyProperties properties;

    @Test
    void retryWhileTheFirstRequestIsInFlightIsAConflictAndTheFirstStillCompletes() throws Exception {
        String householdId = read(postSignal(signal(newHousehold("noord")), TestUsers.frontoffice(),
                UUID.randomUUID().toString())).get("householdId").asText();
        Map<String, Object> body = signal(null);
        body.remove("household");
        body.put("householdId", householdId);
        String key = UUID.randomUUID().toString();

        CompletableFuture<MvcResult> first;
        MvcResult retry;
        // Hold the household row, so the first request waits inside its transaction with the key claimed.
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("select id from household where id = ?::uuid for update")) {
                lock.setString(1, householdId);
                lock.executeQuery().close();
            }
            first = CompletableFuture.supplyAsync(() -> {
                try {
                    return postSignal(body, TestUsers.frontoffice(), key);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitWaitingOnALock();

            retry = CompletableFuture.supplyAsync(() -> {
                try {
                    return postSignal(body, TestUsers.frontoffice(), key);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(30, TimeUnit.SECONDS); // answered while the first is still held: it does not queue behind it
            assertThat(first).isNotDone();
            blocker.commit();
        }

        assertProblem(retry, 409);
        assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isNull();
        MvcResult completed = first.get(60, TimeUnit.SECONDS);
        assertThat(completed.getResponse().getStatus()).as(completed.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult later = postSignal(body, TestUsers.frontoffice(), key);
        assertThat(later.getResponse().getStatus()).isEqualTo(201);
        assertThat(later.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(later.getResponse().getContentAsString()).isEqualTo(completed.getResponse().getContentAsString());
    }

    @Test
    void cleanupRemovesKeysOlderThanTheLifetimeInBatchesAndKeepsFreshOnes() throws Exception {
        String expired1 = UUID.randomUUID().toString();
        String expired2 = UUID.randomUUID().toString();
        String expired3 = UUID.randomUUID().toString();
        for (String key : new String[] {expired1, expired2, expired3}) {
            postSignal(signal(newHousehold("noord")), TestUsers.frontoffice(), key);
        }
        Instant lastExpired = createdAt(expired3);
        Thread.sleep(20);
        String fresh = UUID.randomUUID().toString();
        postSignal(signal(newHousehold("noord")), TestUsers.frontoffice(), fresh);
        Instant freshCreated = createdAt(fresh);
        assertThat(freshCreated).isAfter(lastExpired);

        // The clock moved on by the lifetime: the job runs at a moment after which the first three are
        // older than the lifetime and the fresh one is not yet.
        Instant now = lastExpired.plus(properties.lifetime()).plus(Duration.between(lastExpired, freshCreated).dividedBy(2));
        IdempotencyCleanup cleanup = new IdempotencyCleanup(jdbc, Clock.fixed(now, ZoneOffset.UTC),
                new IdempotencyProperties(properties.lifetime(), 2, properties.cleanupCron()));
        int removed = cleanup.removeExpired();

        assertThat(removed).isGreaterThanOrEqualTo(3);
        assertThat(keys(expired1, expired2, expired3)).isZero();
        assertThat(keys(fresh)).isOne();

        // A key reused after it was removed is a new request: it registers a new signal.
        MvcResult reused = postSignal(signal(newHousehold("zuid")), TestUsers.frontoffice(), expired1);
        assertThat(reused.getResponse().getStatus()).isEqualTo(201);
        assertThat(reused.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("false");
        assertThat(read(reused).get("newCase").asBoolean()).isTrue();
    }

    @Test
    void theDefaultLifetimeIsSeventyTwoHours() {
        assertThat(properties.lifetime()).isEqualTo(Duration.ofHours(72));
    }

    private Instant createdAt(String key) {
        return jdbc.queryForObject("select created_at from idempotency_record where client_id = 'frontoffice' and idempotency_key = ?",
                java.sql.Timestamp.class, key).toInstant();
    }

    private int keys(String... keys) {
        return jdbc.queryForObject("select count(*) from idempotency_record where idempotency_key in ("
                + String.join(", ", java.util.Collections.nCopies(keys.length, "?")) + ")", Integer.class, (Object[]) keys);
    }

    private void awaitWaitingOnALock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Integer waiting = jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the first request never waited on the household row inside its transaction");
    }
}
