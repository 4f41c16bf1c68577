package nl.wijkroute.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javax.sql.DataSource;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TableLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard's refresh waits behind a running rebuild (and a rebuild behind a refresh) however long it takes: the
 * database's lock timeout (decision 0070), short here as in {@code LockTimeoutApiTest}, whose context this shares, is
 * lifted for their transactions. The other side's table lock is held by another connection for longer than it.
 */
@TestPropertySource(properties = "wijkroute.database.lock-timeout=1s")
class AggregatesWaitBehindEachOtherTest extends ApiTestSupport {

    private static final Duration HELD_FOR = Duration.ofMillis(2500);

    @Autowired
    DataSource dataSource;

    @Autowired
    DashboardAggregates aggregates;

    @Test
    void aRefreshWaitsForTheRebuildsLockLongerThanTheLockTimeout() throws Exception {
        assertThat(whileTheOtherHoldsTheLock(aggregates::refresh)).isGreaterThanOrEqualTo(HELD_FOR.minusMillis(300));
    }

    @Test
    void aRebuildWaitsForTheRefreshsLockLongerThanTheLockTimeout() throws Exception {
        assertThat(whileTheOtherHoldsTheLock(aggregates::rebuild)).isGreaterThanOrEqualTo(HELD_FOR.minusMillis(300));
    }

    /** How long the work took while another connection held the aggregates' table lock for HELD_FOR. */
    private Duration whileTheOtherHoldsTheLock(Runnable work) throws Exception {
        return TableLock.heldFor(dataSource, "lock table dashboard_aggregate_state in exclusive mode", HELD_FOR, () -> {
            long start = System.nanoTime();
            work.run(); // before decision 0070's lift: CannotAcquireLockException after 1 s
            return Duration.ofNanos(System.nanoTime() - start);
        });
    }
}
