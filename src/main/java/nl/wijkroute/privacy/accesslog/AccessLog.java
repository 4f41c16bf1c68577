package nl.wijkroute.privacy.accesslog;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.system.LockTimeout;
import nl.wijkroute.system.UuidArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the access log. A request's entries go in the request's own transaction, just before it
 * commits, on the connection it already holds: a write that fails leaves no entry, a committed one
 * always has its entry, and a read needs no second pooled connection. Read-only transactions can
 * insert them because the driver leaves the database transaction read-write (pgjdbc
 * {@code readOnlyMode=ignore}, see decision 0031); Hibernate still neither flushes nor dirty-checks in
 * them. An insert takes no lock shared with other requests: the chain is made afterwards by
 * {@link AccessLogSealer}. Refusals are written after the surrounding transaction has ended, because
 * that transaction is about to roll back.
 */
@Component
public class AccessLog {

    private static final String INSERT = """
            insert into access_log (username, user_role, organisation, household_id, case_id, data_category, action,
                                    purpose, outcome, break_glass, household_ids, case_ids, user_id)
            values (?, ?, ?, cast(? as uuid), cast(? as uuid), ?, ?, ?, ?, ?, cast(? as uuid[]), cast(? as uuid[]), ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    AccessLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Grants: with the surrounding transaction (a change or a read) when there is one, otherwise in one of their own. */
    public void record(List<AccessLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            pendingInThisTransaction().addAll(entries);
        } else {
            ownTransaction.executeWithoutResult(status -> insert(entries));
        }
    }

    /** Refusals: kept whatever happens to the surrounding transaction. */
    public void recordRefusal(AccessLogEntry entry) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    insertRefusal(entry);
                }
            });
        } else {
            insertRefusal(entry);
        }
    }

    /**
     * In a transaction of its own, which waits for a lock on the log however long it is held (a migration of the
     * log): a refusal has no request transaction to fail with it, and Spring only logs what an after-completion
     * callback throws, so a refusal given up after the database's lock timeout (decision 0070) would be lost.
     */
    private void insertRefusal(AccessLogEntry entry) {
        ownTransaction.executeWithoutResult(status -> {
            LockTimeout.liftForThisTransaction(jdbc);
            insert(List.of(entry));
        });
    }

    /**
     * The entries of the current change, written by a before-commit callback registered with the first.
     * Kept in the transaction's synchronizations, which Spring suspends for an inner REQUIRES_NEW.
     */
    private List<AccessLogEntry> pendingInThisTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingEntries pending) {
                return pending.entries;
            }
        }
        PendingEntries pending = new PendingEntries();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending.entries;
    }

    private final class PendingEntries implements TransactionSynchronization {

        private final List<AccessLogEntry> entries = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            insert(List.copyOf(entries));
            entries.clear();
        }
    }

    /**
     * One entry (nearly every request) as a plain insert, more as a batch. Every parameter is bound as text whether
     * it is null or not, and cast in the statement: the driver re-prepares a statement whenever a parameter's type
     * changes (a null UUID binds as "unspecified", a value as uuid), and a single-row JDBC batch is sent unprepared,
     * so the insert was parsed and planned anew on four of five requests (decision 0063).
     */
    private void insert(List<AccessLogEntry> entries) {
        if (entries.size() == 1) {
            jdbc.update(INSERT, statement -> bind(statement, entries.get(0)));
        } else {
            jdbc.batchUpdate(INSERT, entries, entries.size(), AccessLog::bind);
        }
    }

    private static void bind(PreparedStatement statement, AccessLogEntry entry) throws SQLException {
        statement.setString(1, entry.username());
        statement.setString(2, entry.role());
        statement.setString(3, entry.organisation());
        statement.setString(4, text(entry.householdId()));
        statement.setString(5, text(entry.caseId()));
        statement.setString(6, entry.category());
        statement.setString(7, entry.action());
        statement.setString(8, entry.purpose());
        statement.setString(9, entry.outcome().name());
        statement.setBoolean(10, entry.breakGlass());
        statement.setString(11, arrayLiteral(entry.householdIds()));
        statement.setString(12, arrayLiteral(entry.caseIds()));
        statement.setString(13, entry.userId());
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** The ids as PostgreSQL's {@code uuid[]} text, null for none. */
    private static String arrayLiteral(List<UUID> ids) {
        return ids == null ? null : UuidArrays.literal(ids);
    }
}
