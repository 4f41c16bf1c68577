package nl.wijkroute.system;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * Every pooled connection waits for a lock at most the database's lock timeout (decision 0070,
 * {@code wijkroute.database.lock-timeout}). Work that must wait behind a lock however long it is held lifts it here,
 * for its own transaction only.
 */
public final class LockTimeout {

    private LockTimeout() {
    }

    /** No lock timeout for the rest of the current transaction ({@code set_config(…, true)}: back to the pool's with it). */
    public static void liftForThisTransaction(JdbcOperations jdbc) {
        jdbc.queryForObject("select set_config('lock_timeout', '0', true)", String.class);
    }
}
