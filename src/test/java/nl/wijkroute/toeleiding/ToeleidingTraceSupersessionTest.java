package nl.wijkroute.toeleiding;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When each toeleiding trace's case next passed the toeleiding ({@code toeleiding_trace.superseded_at}, V75, decision
 * 0066), which the dashboard's short route reads instead of probing every trace of the period for a later one: after
 * every kind of write, in any order and from concurrent writers, it equals what the case's rows say (the earliest later
 * trace of the same case; null for the latest), on real PostgreSQL.
 */
class ToeleidingTraceSupersessionTest extends ApiTestSupport {

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void eachKindOfWriteLeavesEveryTraceWithItsCasesNextOne() {
        UUID caseId = openCase();
        UUID otherCase = openCase();

        UUID january = trace(caseId, "2026-01-10T10:00:00Z");
        assertThat(supersededAt(january)).isNull();
        UUID march = trace(caseId, "2026-03-10T10:00:00Z");
        assertThat(supersededAt(january)).isEqualTo(at("2026-03-10T10:00:00Z"));
        assertThat(supersededAt(march)).isNull();

        // Recorded later with an earlier time (a bulk import): it falls between the two.
        UUID february = trace(caseId, "2026-02-10T10:00:00Z");
        assertThat(supersededAt(january)).isEqualTo(at("2026-02-10T10:00:00Z"));
        assertThat(supersededAt(february)).isEqualTo(at("2026-03-10T10:00:00Z"));

        // Two at the same time do not supersede each other; both are superseded by the next.
        UUID marchToo = trace(caseId, "2026-03-10T10:00:00Z");
        assertThat(supersededAt(march)).isNull();
        assertThat(supersededAt(marchToo)).isNull();
        assertThat(supersededAt(february)).isEqualTo(at("2026-03-10T10:00:00Z"));

        // Another case is a history of its own.
        UUID other = trace(otherCase, "2026-01-20T10:00:00Z");
        assertThat(supersededAt(other)).isNull();
        assertThat(supersededAt(january)).isEqualTo(at("2026-02-10T10:00:00Z"));
        assertThat(stored(caseId)).isEqualTo(fromTheRows(caseId));

        // Corrections by hand (the application never makes them): a time moved, a trace moved to another case, one removed.
        jdbc.update("update toeleiding_trace set recorded_at = ? where id = ?", at("2026-04-10T10:00:00Z"), february);
        assertThat(supersededAt(february)).isNull();
        assertThat(supersededAt(january)).isEqualTo(at("2026-03-10T10:00:00Z"));
        assertThat(stored(caseId)).isEqualTo(fromTheRows(caseId));
        jdbc.update("update toeleiding_trace set case_id = ? where id = ?", otherCase, february);
        assertThat(supersededAt(other)).isEqualTo(at("2026-04-10T10:00:00Z"));
        assertThat(stored(caseId)).isEqualTo(fromTheRows(caseId));
        assertThat(stored(otherCase)).isEqualTo(fromTheRows(otherCase));
        jdbc.update("delete from toeleiding_trace where id = ?", march);
        jdbc.update("delete from toeleiding_trace where id = ?", marchToo);
        assertThat(supersededAt(january)).isNull();
        assertThat(stored(caseId)).isEqualTo(fromTheRows(caseId));
        // A write of another column (erasure blanks connected_to, ToeleidingPersonalData's statement) leaves the fact as it is.
        // (These traces connected to nothing, so the column is written with its own value: the check constraint pairs it
        // with connection_kind.)
        assertThat(jdbc.update("update toeleiding_trace set connected_to = connected_to where id = ?", january)).isOne();
        assertThat(stored(caseId)).isEqualTo(fromTheRows(caseId));
    }

    /**
     * Fails without the lock per case: the second writer's trigger ran while the first's row was uncommitted, so
     * neither saw the other's trace and the earlier one stayed "latest" beside the later.
     */
    @Test
    void twoTracesOfOneCaseAtOnceEachSeeTheOther() throws Exception {
        UUID caseId = openCase();
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        CountDownLatch laterInserted = new CountDownLatch(1);
        CountDownLatch earlierStarted = new CountDownLatch(1);
        CompletableFuture<UUID> earlier = CompletableFuture.supplyAsync(() -> {
            try {
                laterInserted.await();
                earlierStarted.countDown();
                return inTransaction.execute(status -> trace(caseId, "2026-05-01T10:00:00Z"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        UUID later = inTransaction.execute(status -> {
            UUID id = trace(caseId, "2026-06-01T10:00:00Z");
            laterInserted.countDown();
            try {
                earlierStarted.await();
                // Until the other writer waits for this case's lock (or, without the lock, has finished): no timing guess.
                nl.wijkroute.support.AdvisoryLocks.awaitWaiterOrDone(jdbc, 1414481152L, earlier);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return id;
        });
        UUID earlierId = earlier.get(30, TimeUnit.SECONDS);

        assertThat(supersededAt(earlierId)).isEqualTo(at("2026-06-01T10:00:00Z"));
        assertThat(supersededAt(later)).isNull();
        assertThat(stored(caseId)).isEqualTo(fromTheRows(caseId));
    }

    private UUID openCase() {
        UUID household = UUID.randomUUID();
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Toeleiding', 'noord', now())", household);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at, closed_at)
                values (?, ?, 'team-noord', 'CLOSED', 'AFGESLOTEN', now(), now() - interval '1 year', now())
                """, id, household);
        return id;
    }

    private UUID trace(UUID caseId, String at) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into toeleiding_trace (id, case_id, outcome, in_voorliggend_veld, voorliggend_veld_used, recorded_by, recorded_at)
                values (?, ?, 'NEEDS_FULL_ROUTE', false, true, 'coach', ?)
                """, id, caseId, at(at));
        return id;
    }

    private Timestamp supersededAt(UUID trace) {
        return jdbc.queryForObject("select superseded_at from toeleiding_trace where id = ?", Timestamp.class, trace);
    }

    private List<Map<String, Object>> stored(UUID caseId) {
        return jdbc.queryForList("select id, superseded_at from toeleiding_trace where case_id = ? order by id", caseId);
    }

    /** What the rows of a case say: per trace the earliest later trace of its case. */
    private List<Map<String, Object>> fromTheRows(UUID caseId) {
        return jdbc.queryForList("""
                select t.id, (select min(l.recorded_at) from toeleiding_trace l
                              where l.case_id = t.case_id and l.recorded_at > t.recorded_at) as superseded_at
                from toeleiding_trace t where t.case_id = ? order by t.id""", caseId);
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
