package nl.wijkroute.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Self-sufficiency change computes its medians from counts per score (decision 0062) where the statement used
 * PostgreSQL's {@code percentile_cont}: on the same values both give the same double, bit for bit, for small and
 * large groups, odd and even counts, one value and many.
 */
class SelfSufficiencyMediansTest extends ApiTestSupport {

    @Test
    void theMedianFromCountsIsPostgresqlsPercentileCont() {
        Random random = new Random(2026);
        for (int sample = 0; sample < 200; sample++) {
            int size = sample < 20 ? sample + 1 : 1 + random.nextInt(sample < 100 ? 50 : 5000);
            List<Integer> values = new ArrayList<>();
            SortedMap<Integer, Long> histogram = new TreeMap<>();
            for (int i = 0; i < size; i++) {
                int value = random.nextInt(9) - 4; // a change on the 1–5 scale: -4 to 4
                values.add(value);
                histogram.merge(value, 1L, Long::sum);
            }
            Double expected = jdbc.queryForObject("select percentile_cont(0.5) within group (order by v) "
                    + "from unnest(cast(? as smallint[])) v", Double.class, (Object) values.toArray(Integer[]::new));

            assertThat(SelfSufficiencyChangeIndicator.percentileCont(0.5, histogram)).as("values %s", values).isEqualTo(expected);
        }
    }
}
