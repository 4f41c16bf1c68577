package nl.wijkroute.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import nl.wijkroute.privacy.accesslog.AccessLog;
import nl.wijkroute.privacy.accesslog.AccessLogEntry;
import nl.wijkroute.privacy.accesslog.AccessLogSealer;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What inserting and sealing an access-log entry costs PostgreSQL's CPU (issue 14, decision 0065). The load-independent
 * part is asserted: sealing computes each entry's digest once (the chain's trigger computes it; the sealer no longer
 * computes it a second time), counted by PostgreSQL itself ({@code track_functions = all}, the calls of the current
 * transaction). The backends' CPU per entry (from /proc, Linux only; it depends on the machine's load) is printed for
 * docs/performance.md.
 */
class AccessLogSealCostTest extends ApiTestSupport {

    /** Entries written as a request writes them (one insert and commit each), for the insert's CPU. */
    private static final int ENTRIES = 500;
    /** Entries sealed in one seal, those above included. */
    private static final int SEALED = 5_000;

    @Autowired
    AccessLog accessLog;

    @Autowired
    AccessLogSealer sealer;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void sealingComputesEachEntrysDigestOnceAndItsCpuPerEntryIsReported() {
        // Holding the sealer's monitor keeps the scheduled sealer (every 2 s) out: this test seals the entries itself.
        synchronized (AopTestUtils.<AccessLogSealer>getUltimateTargetObject(sealer)) {
            sealer.seal();
            Long insertNanos = clientBackendsCpuNanos();
            IntStream.range(0, ENTRIES).forEach(i -> accessLog.record(List.of(single())));
            Long insertNanosAfter = clientBackendsCpuNanos();
            // The seal, rolled back: the entries below and their seals leave no trace in the shared test database, whose
            // other tests read the log's plans (AccessLogIndexTest: 4,500 more rows of today made PostgreSQL prefer a
            // sequential scan to the BRIN index for a period). The 500 committed entries are sealed by the next seal.
            Map<String, Object> seal = new TransactionTemplate(transactions).execute(status -> {
                status.setRollbackOnly();
                // More entries for the seal, in one statement: the sealer's CPU per entry is a few hundredths of a ms.
                jdbc.update("""
                        insert into access_log (username, user_role, organisation, household_id, case_id, data_category,
                                                action, purpose, outcome, user_id)
                        select 'wijkcoach', 'wijkteam', 'team-noord', gen_random_uuid(), gen_random_uuid(), 'CASE_FILE',
                               'READ', 'Regie op de casus door het wijkteam', 'GRANTED', '0b7e3c0a-7d8e-4a37-9d1e-6f3a1c2b4d5e'
                        from generate_series(1, ?)""", SEALED - ENTRIES);
                jdbc.execute("set local track_functions = 'all'");
                long pid = jdbc.queryForObject("select pg_backend_pid()", Long.class);
                Long before = cpuNanos(pid);
                Map<String, Object> result = jdbc.queryForMap("select * from access_log_seal(?, false)", 2 * SEALED);
                Long after = cpuNanos(pid);
                result.put("digests", calls("access_log_digest(access_log, character)"));
                result.put("checks", calls("access_log_chain_by_the_sealer()"));
                result.put("nanos", before == null || after == null ? null : after - before);
                return result;
            });

            int sealed = ((Number) seal.get("sealed")).intValue();
            assertThat(sealed).as("every entry written here is sealed").isGreaterThanOrEqualTo(SEALED);
            System.out.printf("[access-log seal cost] %d entries: insert %s ms CPU/entry (all client backends);"
                            + " seal %s ms CPU/entry (the sealer's backend), %.2f digests/entry, %.2f chain checks/entry%n",
                    sealed, perEntry(insertNanos, insertNanosAfter, ENTRIES), perEntry(0L, (Long) seal.get("nanos"), sealed),
                    ((Number) seal.get("digests")).doubleValue() / sealed, ((Number) seal.get("checks")).doubleValue() / sealed);
            assertThat(((Number) seal.get("checks")).longValue()).as("the chain's trigger checks each seal")
                    .isEqualTo(sealed);
            assertThat(((Number) seal.get("digests")).longValue()).as("each entry's digest is computed once (decision 0065)")
                    .isEqualTo(sealed);
            sealer.seal();
        }
        assertThat(sealer.verify().intact()).isTrue();
    }

    /** Calls of a function in the current transaction, not yet flushed to pg_stat_user_functions. */
    private long calls(String function) {
        Long calls = jdbc.queryForObject("select pg_stat_get_xact_function_calls(?::regprocedure)", Long.class, function);
        return calls == null ? 0 : calls;
    }

    /** CPU time (ns) of every client backend connected to this test's database; null off Linux. */
    private Long clientBackendsCpuNanos() {
        long total = 0;
        for (Long pid : jdbc.queryForList("select pid::bigint from pg_stat_activity where datname = current_database()"
                + " and backend_type = 'client backend'", Long.class)) {
            Long nanos = cpuNanos(pid);
            if (nanos == null) {
                return null;
            }
            total += nanos;
        }
        return total;
    }

    /**
     * A process's time on a CPU so far, in nanoseconds: the first field of /proc/PID/schedstat, the scheduler's own
     * account (the user and system times of /proc/PID/stat are sampled in 10 ms ticks, too coarse for a few hundred
     * inserts spread over the pool's connections).
     */
    private static Long cpuNanos(long pid) {
        try {
            return Long.parseLong(Files.readString(Path.of("/proc/" + pid + "/schedstat")).trim().split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String perEntry(Long before, Long after, int entries) {
        return before == null || after == null ? "n/a" : String.format("%.3f", (after - before) / 1e6 / entries);
    }

    private static AccessLogEntry single() {
        return new AccessLogEntry("wijkcoach", "wijkteam", "team-noord", UUID.randomUUID(), UUID.randomUUID(), "CASE_FILE",
                "READ", "Regie op de casus door het wijkteam", AccessLogEntry.Outcome.GRANTED, false,
                "0b7e3c0a-7d8e-4a37-9d1e-6f3a1c2b4d5e");
    }
}
