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
 * of 2,000 entries and 58–91 ms beside 200,000. Target: with 200,000 entries sealed, sealing 500 new ones takes at most
 * twice as long as with 2,000 (median of 5). {@code ./mvnw -Pbenchmark test -Dtest=AccessLogSealScaleBenchmarkTest},
 * about a minute; not part of verify.
 */
@Tag("benchmark")
class AccessLogSealScaleBenchmarkTest extends ApiTestSupport {

    @Autowired
    AccessLogSealer sealer;

    @Test
    void sealingABatchCostsTheSameBesideALongLog() {
        sealer.seal();
        double small = medianSealMillis("a short log");
        for (int i = 0; i < 20; i++) {
            insert(10_000);
            sealer.seal();
        }
        jdbc.execute("vacuum analyze access_log_unsealed");
        double large = medianSealMillis("200,000 entries more");
        System.out.printf("[benchmark] seal of 500 entries: %.1f ms beside a short log, %.1f ms beside 200,000 more (target ≤ 2×: %s)%n",
                small, large, large <= 2 * small ? "met" : "MISSED");
        assertThat(large).as("median ms of a seal of 500 entries beside 200,000 sealed ones").isLessThanOrEqualTo(2 * small);
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
