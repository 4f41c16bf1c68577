package nl.wijkroute.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * A reading for metrics gauges, taken at most every {@link #FRESH} and shared by every scrape in between, so gauges
 * that count in the database stay cheap however often Prometheus (or several Prometheus servers) scrape. The reading
 * is given the moment it is taken, for counts relative to now.
 */
public final class ScrapeSnapshot<T> {

    /** How long a reading serves: about one Prometheus scrape interval. */
    public static final Duration FRESH = Duration.ofSeconds(15);

    private record Taken<T>(Instant at, T value) {
    }

    private final Clock clock;
    private final Function<Instant, T> read;
    private volatile Taken<T> last;

    public ScrapeSnapshot(Clock clock, Function<Instant, T> read) {
        this.clock = clock;
        this.read = read;
    }

    /** The last reading while it is fresh, otherwise a new one. */
    public T get() {
        Taken<T> taken = last;
        Instant now = clock.instant();
        if (taken != null && taken.at().plus(FRESH).isAfter(now)) {
            return taken.value();
        }
        T value = read.apply(now);
        last = new Taken<>(now, value);
        return value;
    }

    /** The next {@link #get()} reads afresh (a test that has just changed what is counted). */
    public void forget() {
        last = null;
    }
}
