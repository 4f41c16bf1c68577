package nl.wijkroute.support;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Another connection holds a table's lock for a while, as a migration or a long transaction does: for the tests of
 * what waits behind it and what gives up (decision 0070).
 */
public final class TableLock {

    private TableLock() {
    }

    /** Work done while the lock is held. */
    public interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Runs the work while another connection holds the lock {@code lockStatement} takes (e.g. {@code lock table x in
     * access exclusive mode}). The lock is let go after {@code heldFor} whatever the work does, so work that waits for
     * it comes back, late; or when the work is done, if that is sooner.
     */
    public static <T> T heldFor(DataSource dataSource, String lockStatement, Duration heldFor, Work<T> work)
            throws Exception {
        ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var statement = holder.createStatement()) {
                // The holder itself waits as long as it must (autovacuum may be working on the table for a moment).
                statement.execute("set local lock_timeout = 0");
                statement.execute(lockStatement);
            }
            var release = releaser.schedule(() -> {
                holder.rollback();
                return null;
            }, heldFor.toMillis(), TimeUnit.MILLISECONDS);
            T result = work.run();
            // Not run yet: cancelled, and closing the connection rolls back before it returns to the pool.
            release.cancel(false);
            return result;
        } finally {
            releaser.shutdownNow();
            releaser.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
