package nl.wijkroute.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.wijkroute.dashboard.DashboardFilter;
import nl.wijkroute.dashboard.SelfSufficiencyChangeIndicator;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order of a case's re-scored cells per leefgebied ({@code leefgebied_score_cell.earlier_at}, V76, decision 0066),
 * from which self-sufficiency change counts its cases without grouping the period's cells per case: after every kind of
 * write, in any order and from concurrent writers, it equals what the case's cells say, and the indicator's cases equal
 * the distinct cases of the period's re-scored cells counted live, for periods that cut between a case's cells.
 */
class ScoreCellOrderTest extends ApiTestSupport {

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private SelfSufficiencyChangeIndicator indicator;

    @Test
    void eachKindOfWriteLeavesTheCellsInTheirCasesOrder() {
        UUID caseId = openCase();
        UUID anna = member(caseId);
        UUID bram = member(caseId);
        UUID cor = member(caseId);

        score(caseId, anna, "FINANCIEN", 2, "2033-01-05T10:00:00Z");
        score(caseId, anna, "FINANCIEN", 3, "2033-03-05T10:00:00Z");
        assertThat(stored(caseId)).isEqualTo(fromTheCells(caseId));
        score(caseId, bram, "FINANCIEN", 1, "2033-01-06T10:00:00Z");
        assertThat(stored(caseId)).as("scored once: not in the order").isEqualTo(fromTheCells(caseId));
        score(caseId, bram, "FINANCIEN", 4, "2033-02-06T10:00:00Z");
        assertThat(earlierAt(caseId, anna, "FINANCIEN")).isEqualTo(at("2033-02-06T10:00:00Z"));
        assertThat(earlierAt(caseId, bram, "FINANCIEN")).isNull();
        // A tie at one time: ordered by member, so exactly one of the two is first.
        score(caseId, cor, "FINANCIEN", 1, "2033-01-07T10:00:00Z");
        score(caseId, cor, "FINANCIEN", 2, "2033-02-06T10:00:00Z");
        assertThat(stored(caseId)).isEqualTo(fromTheCells(caseId));
        // Another leefgebied is an order of its own; a score with an older time recorded later is still the latest (the
        // latest is chosen by sequence), so it moves its cell's latest_at back and the order follows.
        score(caseId, cor, "HUISVESTING", 3, "2033-01-08T10:00:00Z");
        score(caseId, cor, "HUISVESTING", 4, "2033-01-09T10:00:00Z");
        score(caseId, anna, "FINANCIEN", 5, "2032-12-01T10:00:00Z");
        assertThat(stored(caseId)).isEqualTo(fromTheCells(caseId));

        // Corrections by hand: a score's time, a score moved to another case, a score removed.
        jdbc.update("update leefgebied_assessment set assessed_at = ? where case_id = ? and member_id = ? and score = 4",
                at("2033-04-01T10:00:00Z"), caseId, bram);
        assertThat(stored(caseId)).isEqualTo(fromTheCells(caseId));
        UUID otherCase = openCase();
        jdbc.update("update leefgebied_assessment set case_id = ? where case_id = ? and member_id = ?", otherCase, caseId, cor);
        assertThat(stored(caseId)).isEqualTo(fromTheCells(caseId));
        assertThat(stored(otherCase)).isEqualTo(fromTheCells(otherCase));
        jdbc.update("delete from leefgebied_assessment where case_id = ? and member_id = ? and score = 1", caseId, bram);
        assertThat(stored(caseId)).isEqualTo(fromTheCells(caseId));
    }

    /**
     * Two members of one case re-scored at once by two transactions: without the lock per case each ordered the cells
     * without the other's uncommitted one, and both were "first" (the case counted twice).
     */
    @Test
    void twoMembersScoredAtOnceEachSeeTheOther() throws Exception {
        UUID caseId = openCase();
        UUID anna = member(caseId);
        UUID bram = member(caseId);
        score(caseId, anna, "FINANCIEN", 2, "2033-05-01T10:00:00Z");
        score(caseId, bram, "FINANCIEN", 2, "2033-05-01T10:00:00Z");
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        CountDownLatch firstScored = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                firstScored.await();
                secondStarted.countDown();
                inTransaction.executeWithoutResult(status -> score(caseId, bram, "FINANCIEN", 3, "2033-06-02T10:00:00Z"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        inTransaction.executeWithoutResult(status -> {
            score(caseId, anna, "FINANCIEN", 4, "2033-06-01T10:00:00Z");
            firstScored.countDown();
            try {
                secondStarted.await();
                // Until the other writer waits for this case's lock (or, without the lock, has finished): no timing guess.
                nl.wijkroute.support.AdvisoryLocks.awaitWaiterOrDone(jdbc, 1397965568L, second);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.get(30, TimeUnit.SECONDS);

        assertThat(earlierAt(caseId, anna, "FINANCIEN")).isNull();
        assertThat(earlierAt(caseId, bram, "FINANCIEN")).isEqualTo(at("2033-06-01T10:00:00Z"));
        assertThat(stored(caseId)).isEqualTo(fromTheCells(caseId));
    }

    @Test
    void theIndicatorsCasesAreTheDistinctCasesOfThePeriodsCells() {
        // Six cases of two re-scored members each, their latest scores spread over months; periods that cut between them.
        for (int i = 0; i < 6; i++) {
            UUID caseId = openCase();
            UUID first = member(caseId);
            UUID second = member(caseId);
            score(caseId, first, "WERK_EN_OPLEIDING", 1, "2034-01-02T10:00:00Z");
            score(caseId, first, "WERK_EN_OPLEIDING", 3, "2034-0%d-10T10:00:00Z".formatted(2 + i % 3));
            score(caseId, second, "WERK_EN_OPLEIDING", 2, "2034-01-03T10:00:00Z");
            score(caseId, second, "WERK_EN_OPLEIDING", 4, "2034-0%d-20T10:00:00Z".formatted(2 + i % 4));
        }
        for (String[] period : List.of(new String[] {"2034-01-01T00:00:00Z", "2034-12-31T00:00:00Z"},
                new String[] {"2034-02-15T00:00:00Z", "2034-12-31T00:00:00Z"}, new String[] {"2034-03-15T00:00:00Z", "2034-04-15T00:00:00Z"},
                new String[] {"2034-02-01T00:00:00Z", "2034-03-15T00:00:00Z"}, new String[] {"2034-03-20T10:00:00Z", "2034-05-01T00:00:00Z"})) {
            Instant from = Instant.parse(period[0]);
            Instant to = Instant.parse(period[1]);
            // One team, one wijk, all teams: each scope's statement counts its cases from the period's cells.
            for (String[] scope : List.<String[]>of(new String[] {"team-noord", null}, new String[] {null, "noord"},
                    new String[] {null, null})) {
                Long live = jdbc.queryForObject("""
                        select count(distinct a.case_id) from leefgebied_score_cell a join support_case c on c.id = a.case_id
                        join household h on h.id = c.household_id
                        where (cast(? as varchar) is null or c.team_id = ?) and (cast(? as varchar) is null or h.wijk_id = ?)
                          and a.leefgebied = 'WERK_EN_OPLEIDING' and a.scores >= 2
                          and a.latest_at >= ? and a.latest_at < ?""", Long.class,
                        scope[0], scope[0], scope[1], scope[1], Timestamp.from(from), Timestamp.from(to));
                Long counted = indicator.changes(new DashboardFilter(scope[0], scope[1], from, to)).stream()
                        .filter(change -> change.leefgebied().name().equals("WERK_EN_OPLEIDING")).findFirst()
                        .map(change -> change.suppressed() ? -1L : change.cases()).orElse(0L);
                if (counted == -1L) {
                    assertThat(live).as("%s to %s, team %s wijk %s: suppressed, a small group", from, to, scope[0], scope[1])
                            .isPositive();
                } else {
                    assertThat(counted).as("%s to %s, team %s wijk %s", from, to, scope[0], scope[1]).isEqualTo(live);
                }
            }
        }
    }

    private UUID openCase() {
        UUID household = UUID.randomUUID();
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Volgorde', 'noord', now())", household);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at)
                values (?, ?, 'team-noord', 'CLOSED', 'AFGESLOTEN', now(), now() - interval '1 year')
                """, id, household);
        return id;
    }

    private UUID member(UUID caseId) {
        UUID member = UUID.randomUUID();
        jdbc.update("insert into household_member (id, household_id, given_name, family_name, birth_date) "
                + "select ?, household_id, 'Lid', 'Test', date '1980-01-01' from support_case where id = ?", member, caseId);
        return member;
    }

    private void score(UUID caseId, UUID member, String leefgebied, int score, String at) {
        jdbc.update("""
                insert into leefgebied_assessment (id, case_id, member_id, leefgebied, moment, status, score, assessed_by, assessed_at)
                values (?, ?, ?, ?, 'EVALUATIE', 'ASSESSED', ?, 'test', ?)
                """, UUID.randomUUID(), caseId, member, leefgebied, score, at(at));
    }

    private Timestamp earlierAt(UUID caseId, UUID member, String leefgebied) {
        return jdbc.queryForObject("select earlier_at from leefgebied_score_cell where case_id = ? and member_id = ? and leefgebied = ?",
                Timestamp.class, caseId, member, leefgebied);
    }

    private List<Map<String, Object>> stored(UUID caseId) {
        return jdbc.queryForList("""
                select member_id, leefgebied, earlier_at from leefgebied_score_cell
                where case_id = ? and scores >= 2 order by member_id, leefgebied""", caseId);
    }

    /** What the cells of a case say: per re-scored cell the latest_at of the one before it in (latest_at, member). */
    private List<Map<String, Object>> fromTheCells(UUID caseId) {
        return jdbc.queryForList("""
                select c.member_id, c.leefgebied,
                       (select max(o.latest_at) from leefgebied_score_cell o
                        where o.case_id = c.case_id and o.leefgebied = c.leefgebied and o.scores >= 2
                          and (o.latest_at, o.member_id) < (c.latest_at, c.member_id)) as earlier_at
                from leefgebied_score_cell c where c.case_id = ? and c.scores >= 2 order by c.member_id, c.leefgebied""", caseId);
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
