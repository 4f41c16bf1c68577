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
    /** Linux's clock ticks per second for the CPU times in /proc/PID/stat (USER_HZ, 100 on every common kernel). */
    private static final double TICKS_PER_MS = 0.1;

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
            Long insertTicks = clientBackendsCpuTicks();
            IntStream.range(0, ENTRIES).forEach(i -> accessLog.record(List.of(single())));
            Long insertTicksAfter = clientBackendsCpuTicks();
            // More entries for the seal, in one statement: the sealer's CPU per entry is a few hundredths of a millisecond,
            // so it needs thousands of entries to be more than a few of the kernel's 10 ms ticks.
            jdbc.update("""
                    insert into access_log (username, user_role, organisation, household_id, case_id, data_category, action,
                                            purpose, outcome, user_id)
                    select 'wijkcoach', 'wijkteam', 'team-noord', gen_random_uuid(), gen_random_uuid(), 'CASE_FILE', 'READ',
                           'Regie op de casus door het wijkteam', 'GRANTED', '0b7e3c0a-7d8e-4a37-9d1e-6f3a1c2b4d5e'
                    from generate_series(1, ?)""", SEALED - ENTRIES);

            Map<String, Object> seal = new TransactionTemplate(transactions).execute(status -> {
                jdbc.execute("set local track_functions = 'all'");
                long pid = jdbc.queryForObject("select pg_backend_pid()", Long.class);
                Long before = cpuTicks(pid);
                Map<String, Object> result = jdbc.queryForMap("select * from access_log_seal(?, false)", 2 * SEALED);
                Long after = cpuTicks(pid);
                result.put("digests", calls("access_log_digest(access_log, character)"));
                result.put("checks", calls("access_log_chain_by_the_sealer()"));
                result.put("ticks", before == null || after == null ? null : after - before);
                return result;
            });

            int sealed = ((Number) seal.get("sealed")).intValue();
            assertThat(sealed).as("every entry written here is sealed").isGreaterThanOrEqualTo(SEALED);
            System.out.printf("[access-log seal cost] %d entries: insert %s ms CPU/entry (all client backends);"
                            + " seal %s ms CPU/entry (the sealer's backend), %.2f digests/entry, %.2f chain checks/entry%n",
                    sealed, perEntry(insertTicks, insertTicksAfter, ENTRIES), perEntry(0L, (Long) seal.get("ticks"), sealed),
                    ((Number) seal.get("digests")).doubleValue() / sealed, ((Number) seal.get("checks")).doubleValue() / sealed);
            assertThat(((Number) seal.get("checks")).longValue()).as("the chain's trigger checks each seal")
                    .isEqualTo(sealed);
            assertThat(((Number) seal.get("digests")).longValue()).as("each entry's digest is computed once (decision 0065)")
                    .isEqualTo(sealed);
        }
        assertThat(sealer.verify().intact()).isTrue();
    }

    /** Calls of a function in the current transaction, not yet flushed to pg_stat_user_functions. */
    private long calls(String function) {
        Long calls = jdbc.queryForObject("select pg_stat_get_xact_function_calls(?::regprocedure)", Long.class, function);
        return calls == null ? 0 : calls;
    }

    /** CPU ticks (user + system) of every client backend connected to this test's database; null off Linux. */
    private Long clientBackendsCpuTicks() {
        long total = 0;
        for (Long pid : jdbc.queryForList("select pid::bigint from pg_stat_activity where datname = current_database()"
                + " and backend_type = 'client backend'", Long.class)) {
            Long ticks = cpuTicks(pid);
            if (ticks == null) {
                return null;
            }
            total += ticks;
        }
        return total;
    }

    private static Long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The fields after the command name (in parentheses, which may contain spaces): utime is the 14th, stime the 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String perEntry(Long before, Long after, int entries) {
        return before == null || after == null ? "n/a" : String.format("%.3f", (after - before) / TICKS_PER_MS / entries);
    }

    private static AccessLogEntry single() {
        return new AccessLogEntry("wijkcoach", "wijkteam", "team-noord", UUID.randomUUID(), UUID.randomUUID(), "CASE_FILE",
                "READ", "Regie op de casus door het wijkteam", AccessLogEntry.Outcome.GRANTED, false,
                "0b7e3c0a-7d8e-4a37-9d1e-6f3a1c2b4d5e");
    }
}
