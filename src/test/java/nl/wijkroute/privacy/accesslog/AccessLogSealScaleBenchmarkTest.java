package nl.wijkroute.privacy.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seal's cost per batch does not grow with the length of the log (issue 14, V77): V73's statement read the
 * chain's whole primary-key index on every seal (a merge anti join), so a seal of 500 entries took 20 ms beside a log
 * of 2,000 entries and 58–91 ms beside 200,000. Target, counted where the machine's load does not change it: with
 * 200,000 more entries sealed, one seal of 500 new ones reads at most a few index entries of the chain's primary key per
 * new entry (V73's join read the whole index, about 200,000). Times are printed beside it, not asserted: they move with
 * the load by more than the difference. {@code ./mvnw -Pbenchmark test -Dtest=AccessLogSealScaleBenchmarkTest}, about a
 * minute; not part of verify. The log and the chain are analyzed first, as autovacuum does in production: V73's join
 * was chosen once the planner knew the chain was long.
 */
@Tag("benchmark")
class AccessLogSealScaleBenchmarkTest extends ApiTestSupport {

    @Autowired
    AccessLogSealer sealer;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Test
    void sealingABatchCostsTheSameBesideALongLog() {
        sealer.seal();
        double small = medianSealMillis("a short log");
        for (int i = 0; i < 20; i++) {
            insert(10_000);
            sealer.seal();
        }
        // As autovacuum's analyze leaves them in production: the planner knows the log and the chain are long.
        jdbc.execute("analyze access_log");
        jdbc.execute("analyze access_log_chain");
        double large = medianSealMillis("200,000 entries more");
        long chainIndexReads = chainIndexEntriesReadSealing(500);
        boolean met = chainIndexReads <= 5L * 500;
        System.out.printf("[benchmark] seal of 500 entries: %.1f ms beside a short log, %.1f ms beside 200,000 more (times:"
                + " not a target); chain primary-key entries read by one seal of 500 beside 200,000: %,d (target ≤ %,d: %s)%n",
                small, large, chainIndexReads, 5L * 500, met ? "met" : "MISSED");
        assertThat(chainIndexReads).as("index entries of the chain's primary key read by one seal of 500").isLessThanOrEqualTo(5L * 500);
    }

    /** One seal run in this test's own transaction, so PostgreSQL's per-transaction counters show what it read. */
    private long chainIndexEntriesReadSealing(int entries) {
        insert(entries);
        String read = "select pg_stat_get_xact_tuples_returned('access_log_chain_pkey'::regclass)";
        return new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(status -> {
            // idx_tup_read not yet flushed to the statistics (this backend's, which may hold earlier transactions' too).
            long before = jdbc.queryForObject(read, Long.class);
            jdbc.queryForMap("select * from access_log_seal(5000, false)");
            return jdbc.queryForObject(read, Long.class) - before;
        });
    }

    private double medianSealMillis(String label) {
        List<Double> millis = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            insert(500);
            long start = System.nanoTime();
            sealer.seal();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("[benchmark] %s: seals of 500 entries %s ms%n", label, millis);
        return millis.get(millis.size() / 2);
    }

    private void insert(int entries) {
        jdbc.update("""
                insert into access_log (logged_at, username, user_role, data_category, action, purpose, outcome)
                select clock_timestamp(), 'benchmark', 'wijkteam', 'CASE_FILE', 'READ', 'zegelkosten', 'GRANTED'
                from generate_series(1, ?)""", entries);
    }
}
