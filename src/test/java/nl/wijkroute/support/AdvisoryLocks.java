package nl.wijkroute.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/** For tests of two writers at once: when the second one waits for a trigger's lock per case, without a timing guess. */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /**
     * Polls pg_locks until a transaction waits for a transaction-level advisory lock of this key space (the first
     * argument of {@code pg_advisory_xact_lock(int, int)}, which PostgreSQL shows as {@code classid}), or until the other
     * writer is done (as it is when no lock holds it up), at most 20 s.
     */
    public static void awaitWaiterOrDone(JdbcTemplate jdbc, long keySpace, CompletableFuture<?> other)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!other.isDone() && System.nanoTime() < deadline) {
            Integer waiting = jdbc.queryForObject("select count(*)::int from pg_locks where locktype = 'advisory'"
                    + " and classid = ?::oid and objsubid = 2 and not granted", Integer.class, keySpace);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(10);
        }
    }
}
