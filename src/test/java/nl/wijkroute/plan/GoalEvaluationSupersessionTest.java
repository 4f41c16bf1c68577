package nl.wijkroute.plan;

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
 * When each goal evaluation's goal was evaluated next ({@code plan_goal_evaluation.superseded_at}, V72, decision
 * 0064), which the dashboard's goals attained reads instead of sorting the period's evaluations by goal: after every
 * kind of write, in any order and from concurrent writers, it equals what the goal's rows say (the earliest later
 * evaluation of the same case and goal; null for the latest), on real PostgreSQL.
 */
class GoalEvaluationSupersessionTest extends ApiTestSupport {

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void eachKindOfWriteLeavesEveryEvaluationWithItsGoalsNextOne() {
        UUID caseId = openCase();
        UUID plan = plan(caseId);
        UUID goal = UUID.randomUUID();
        UUID otherGoal = UUID.randomUUID();

        UUID january = evaluate(caseId, plan, goal, "2026-01-10T10:00:00Z");
        assertThat(supersededAt(january)).isNull();
        UUID march = evaluate(caseId, plan, goal, "2026-03-10T10:00:00Z");
        assertThat(supersededAt(january)).isEqualTo(at("2026-03-10T10:00:00Z"));
        assertThat(supersededAt(march)).isNull();

        // Recorded later with an earlier time (a bulk import, the demo generator): it falls between the two.
        UUID february = evaluate(caseId, plan, goal, "2026-02-10T10:00:00Z");
        assertThat(supersededAt(january)).isEqualTo(at("2026-02-10T10:00:00Z"));
        assertThat(supersededAt(february)).isEqualTo(at("2026-03-10T10:00:00Z"));

        // Two at the same time do not supersede each other; both are superseded by the next.
        UUID marchToo = evaluate(caseId, plan, goal, "2026-03-10T10:00:00Z");
        assertThat(supersededAt(march)).isNull();
        assertThat(supersededAt(marchToo)).isNull();
        assertThat(supersededAt(february)).isEqualTo(at("2026-03-10T10:00:00Z"));

        // Another goal of the same case is a history of its own.
        UUID other = evaluate(caseId, plan, otherGoal, "2026-01-20T10:00:00Z");
        assertThat(supersededAt(other)).isNull();
        assertThat(supersededAt(january)).isEqualTo(at("2026-02-10T10:00:00Z"));
        assertThat(stored(caseId)).isEqualTo(fromTheRows(caseId));

        // Corrections by hand (the application never makes them): a time moved, a row moved to another goal, a row removed.
        jdbc.update("update plan_goal_evaluation set evaluated_at = ? where id = ?", at("2026-04-10T10:00:00Z"), february);
        assertThat(supersededAt(february)).isNull();
        assertThat(supersededAt(january)).isEqualTo(at("2026-03-10T10:00:00Z"));
        assertThat(stored(caseId)).isEqualTo(fromTheRows(caseId));
        jdbc.update("update plan_goal_evaluation set goal_id = ? where id = ?", otherGoal, february);
        assertThat(supersededAt(other)).isEqualTo(at("2026-04-10T10:00:00Z"));
        assertThat(stored(caseId)).isEqualTo(fromTheRows(caseId));
        jdbc.update("delete from plan_goal_evaluation where id = ?", march);
        jdbc.update("delete from plan_goal_evaluation where id = ?", marchToo);
        assertThat(supersededAt(january)).isNull();
        assertThat(stored(caseId)).isEqualTo(fromTheRows(caseId));
    }

    /**
     * Fails without the lock per goal: the second writer's trigger ran while the first's row was uncommitted, so
     * neither saw the other's evaluation and the earlier one stayed "latest" beside the later.
     */
    @Test
    void twoEvaluationsOfOneGoalAtOnceEachSeeTheOther() throws Exception {
        UUID caseId = openCase();
        UUID plan = plan(caseId);
        UUID goal = UUID.randomUUID();
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        CountDownLatch laterInserted = new CountDownLatch(1);
        CountDownLatch earlierStarted = new CountDownLatch(1);
        CompletableFuture<UUID> earlier = CompletableFuture.supplyAsync(() -> {
            try {
                laterInserted.await();
                earlierStarted.countDown();
                return inTransaction.execute(status -> evaluate(caseId, plan, goal, "2026-05-01T10:00:00Z"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        UUID later = inTransaction.execute(status -> {
            UUID id = evaluate(caseId, plan, goal, "2026-06-01T10:00:00Z");
            laterInserted.countDown();
            try {
                earlierStarted.await();
                // Until the other writer waits for this goal's lock (or, without the lock, has finished): no timing guess.
                nl.wijkroute.support.AdvisoryLocks.awaitWaiterOrDone(jdbc, 1196376320L, earlier);
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
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Doel', 'noord', now())", household);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at)
                values (?, ?, 'team-noord', 'CLOSED', 'AFGESLOTEN', now(), now() - interval '1 year')
                """, id, household);
        return id;
    }

    private UUID plan(UUID caseId) {
        UUID plan = UUID.randomUUID();
        jdbc.update("""
                insert into plan (id, household_id, case_id, status, current_version, created_at)
                select ?, household_id, id, 'CLOSED', 1, now() from support_case where id = ?
                """, plan, caseId);
        return plan;
    }

    private UUID evaluate(UUID caseId, UUID plan, UUID goal, String at) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into plan_goal_evaluation (id, case_id, plan_id, goal_id, leefgebied, attainment, evaluated_by, evaluated_at)
                values (?, ?, ?, ?, 'FINANCIEN', 'PARTLY', 'coach', ?)
                """, id, caseId, plan, goal, at(at));
        return id;
    }

    private Timestamp supersededAt(UUID evaluation) {
        return jdbc.queryForObject("select superseded_at from plan_goal_evaluation where id = ?", Timestamp.class, evaluation);
    }

    private List<Map<String, Object>> stored(UUID caseId) {
        return jdbc.queryForList("select id, superseded_at from plan_goal_evaluation where case_id = ? order by id", caseId);
    }

    /** What the rows of a case say: per evaluation the earliest later evaluation of its goal. */
    private List<Map<String, Object>> fromTheRows(UUID caseId) {
        return jdbc.queryForList("""
                select e.id, (select min(l.evaluated_at) from plan_goal_evaluation l
                              where l.case_id = e.case_id and l.goal_id = e.goal_id and l.evaluated_at > e.evaluated_at) as superseded_at
                from plan_goal_evaluation e where e.case_id = ? order by e.id""", caseId);
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
