package nl.wijkroute.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The route benchmark prints each phase's garbage collections and the longest one. Were the notifications not heard,
 * the longest would read 0 and every phase would look free of pauses.
 */
class GcPausesTest {

    @Test
    void aCollectionBetweenTwoReadingsIsCountedAndItsDurationHeard() throws InterruptedException {
        GcPauses.Reading start = GcPauses.now();
        System.gc();
        // The JVM sends the notification from its own thread a moment after the collection.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        GcPauses.Reading between = GcPauses.now().since(start);
        while (between.reported() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            between = GcPauses.now().since(start);
        }
        assertThat(between.collections()).as("collections between the readings").isPositive();
        assertThat(between.reported()).as("collections heard that ended between the readings").isPositive();
        GcPauses.Reading later = GcPauses.now();
        assertThat(later.since(later).reported()).as("nothing ends between a reading and itself").isZero();
    }
}
