package nl.wijkroute.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.privacy.retention.PersonalDataHolder.Erasure;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The per-cell fact {@code leefgebied_score_cell} (V68, decision 0062) that the dashboard's self-sufficiency change
 * reads: after every kind of write to the scores it equals what the scores themselves say (first and latest by seq,
 * the latest's time, how many), on real PostgreSQL.
 */
class LeefgebiedScoreCellTest extends ApiTestSupport {

    @Autowired
    private AssessmentPersonalData personalData;

    @Test
    void scoresRecordedThroughTheApiMakeTheCellFirstToLatest() throws Exception {
        UUID caseId = openCaseInNoord();
        String member = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("household").get("members").get(0)
                .get("id").asText();

        assess(caseId, member, "FINANCIEN", "{\"score\": 1, \"ownWords\": \"Schulden.\"}");
        assertThat(cell(caseId, UUID.fromString(member), "FINANCIEN")).containsEntry("first_score", 1).containsEntry("latest_score", 1)
                .containsEntry("scores", 1);
        assess(caseId, member, "FINANCIEN", "{\"score\": 3}");
        assess(caseId, member, "FINANCIEN", "{\"status\": \"NIET_BESPROKEN\", \"reason\": \"Geen tijd.\"}");

        assertThat(cell(caseId, UUID.fromString(member), "FINANCIEN")).containsEntry("first_score", 1).containsEntry("latest_score", 3)
                .containsEntry("scores", 2);
        assertThat(cellsOf(caseId)).isEqualTo(cellsFromTheScores(caseId)).hasSize(1);
    }

    @Test
    void eachKindOfWriteLeavesTheCellAsTheScoresSay() {
        UUID caseId = openCase();
        UUID anna = member(caseId);

        // A first score, then a later one: first stays, latest follows, with its time.
        UUID first = score(caseId, anna, "HUISVESTING", 2, "2026-01-10T10:00:00Z");
        assertThat(cell(caseId, anna, "HUISVESTING")).containsEntry("first_score", 2).containsEntry("latest_score", 2)
                .containsEntry("scores", 1).containsEntry("latest_at", at("2026-01-10T10:00:00Z"));
        UUID second = score(caseId, anna, "HUISVESTING", 4, "2026-03-10T10:00:00Z");
        assertThat(cell(caseId, anna, "HUISVESTING")).containsEntry("first_score", 2).containsEntry("latest_score", 4)
                .containsEntry("scores", 2).containsEntry("latest_at", at("2026-03-10T10:00:00Z"));

        // A cell marked instead of scored is no score: nothing changes, and no cell for a leefgebied never scored.
        mark(caseId, anna, "HUISVESTING", "2026-03-11T10:00:00Z");
        mark(caseId, anna, "WERK_EN_OPLEIDING", "2026-03-11T10:00:00Z");
        assertThat(cell(caseId, anna, "HUISVESTING")).containsEntry("latest_score", 4).containsEntry("scores", 2);
        assertThat(cellsOf(caseId)).isEqualTo(cellsFromTheScores(caseId)).hasSize(1);

        // First and latest are by seq, whatever the order in which rows arrive: a row recorded with an earlier seq
        // (as a transaction that took its seq first and committed last) becomes the first, not the latest.
        long firstSeq = jdbc.queryForObject("select seq from leefgebied_assessment where id = ?", Long.class, first);
        jdbc.update("""
                insert into leefgebied_assessment (id, case_id, member_id, leefgebied, moment, status, score, assessed_by,
                                                   assessed_at, seq)
                overriding system value values (?, ?, ?, 'HUISVESTING', 'VRAAGVERHELDERING', 'ASSESSED', 1, 'test', ?, ?)
                """, UUID.randomUUID(), caseId, anna, Timestamp.from(Instant.parse("2026-01-09T10:00:00Z")), firstSeq - 1);
        assertThat(cell(caseId, anna, "HUISVESTING")).containsEntry("first_score", 1).containsEntry("latest_score", 4)
                .containsEntry("scores", 3);
        assertThat(cellsOf(caseId)).isEqualTo(cellsFromTheScores(caseId));

        // Erasure blanks the free text of a closed case's entries: the scores and the cell stay.
        jdbc.update("update leefgebied_assessment set own_words = 'Eigen woorden' where case_id = ?", caseId);
        personalData.eraseCaseFiles(new Erasure(UUID.randomUUID(), List.of(caseId), List.of(caseId), Instant.now()));
        assertThat(jdbc.queryForObject("select count(*) from leefgebied_assessment where case_id = ? and own_words is not null",
                Integer.class, caseId)).isZero();
        assertThat(cell(caseId, anna, "HUISVESTING")).containsEntry("first_score", 1).containsEntry("latest_score", 4)
                .containsEntry("scores", 3);

        // Corrected by hand (the application never does): a score, the latest's time, a row moved to another cell,
        // a scored row marked instead, a row removed. Each time the cells concerned are computed again.
        jdbc.update("update leefgebied_assessment set score = 5 where id = ?", second);
        assertThat(cell(caseId, anna, "HUISVESTING")).containsEntry("latest_score", 5);
        jdbc.update("update leefgebied_assessment set assessed_at = ? where id = ?",
                Timestamp.from(Instant.parse("2026-04-01T10:00:00Z")), second);
        assertThat(cell(caseId, anna, "HUISVESTING")).containsEntry("latest_at", at("2026-04-01T10:00:00Z"));
        assertThat(cellsOf(caseId)).isEqualTo(cellsFromTheScores(caseId));
        jdbc.update("update leefgebied_assessment set leefgebied = 'FINANCIEN' where id = ?", second);
        assertThat(cell(caseId, anna, "HUISVESTING")).containsEntry("first_score", 1).containsEntry("latest_score", 2)
                .containsEntry("scores", 2).containsEntry("latest_at", at("2026-01-10T10:00:00Z"));
        assertThat(cell(caseId, anna, "FINANCIEN")).containsEntry("first_score", 5).containsEntry("scores", 1);
        jdbc.update("update leefgebied_assessment set status = 'NIET_VAN_TOEPASSING', score = null where id = ?", first);
        assertThat(cell(caseId, anna, "HUISVESTING")).containsEntry("first_score", 1).containsEntry("latest_score", 1)
                .containsEntry("scores", 1);
        assertThat(cellsOf(caseId)).isEqualTo(cellsFromTheScores(caseId)).hasSize(2);
        jdbc.update("delete from leefgebied_assessment where id = ?", second);
        assertThat(cellsOf(caseId)).isEqualTo(cellsFromTheScores(caseId)).hasSize(1);
        jdbc.update("delete from leefgebied_assessment where case_id = ?", caseId);
        assertThat(cellsOf(caseId)).isEmpty();
    }

    @Autowired
    private org.springframework.transaction.PlatformTransactionManager transactions;

    /** V70: a score given a new seq becomes the latest; emptying the scores empties the cells (decision 0062). */
    @Test
    void aNewSeqMakesAScoreTheLatestAndEmptyingTheScoresEmptiesTheCells() {
        UUID caseId = openCase();
        UUID anna = member(caseId);
        UUID first = score(caseId, anna, "HUISVESTING", 2, "2026-01-10T10:00:00Z");
        score(caseId, anna, "HUISVESTING", 4, "2026-03-10T10:00:00Z");
        jdbc.update("update leefgebied_assessment set seq = default where id = ?", first);
        assertThat(cell(caseId, anna, "HUISVESTING")).containsEntry("first_score", 4).containsEntry("latest_score", 2)
                .containsEntry("latest_at", at("2026-01-10T10:00:00Z"));
        assertThat(cellsOf(caseId)).isEqualTo(cellsFromTheScores(caseId));

        // In a transaction rolled back: the shared test database keeps its scores.
        org.springframework.transaction.support.TransactionTemplate rolledBack =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        rolledBack.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.execute("truncate leefgebied_assessment");
            assertThat(jdbc.queryForObject("select count(*) from leefgebied_score_cell", Integer.class)).isZero();
        });
        assertThat(cellsOf(caseId)).isEqualTo(cellsFromTheScores(caseId)).hasSize(1);
    }

    /**
     * V70: two corrections of one cell at once. The second waits for the first's recompute, finds the cell gone when
     * it may go on, and must still write it (before, its insert failed on the first's committed row).
     */
    @Test
    void twoCorrectionsOfOneCellAtOnceBothSucceedAndTheCellFollowsTheScores() throws Exception {
        UUID caseId = openCase();
        UUID anna = member(caseId);
        UUID first = score(caseId, anna, "HUISVESTING", 2, "2026-01-10T10:00:00Z");
        UUID second = score(caseId, anna, "HUISVESTING", 4, "2026-03-10T10:00:00Z");
        org.springframework.transaction.support.TransactionTemplate inTransaction =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        java.util.concurrent.CountDownLatch firstRecomputed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch secondStarted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Void> other = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                firstRecomputed.await();
                secondStarted.countDown();
                inTransaction.executeWithoutResult(status ->
                        jdbc.update("update leefgebied_assessment set score = 5 where id = ?", second));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        inTransaction.executeWithoutResult(status -> {
            jdbc.update("update leefgebied_assessment set score = 1 where id = ?", first);
            firstRecomputed.countDown();
            try {
                secondStarted.await();
                // Long enough for the other correction to reach the cell's row and wait for this transaction.
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(cell(caseId, anna, "HUISVESTING")).containsEntry("first_score", 1).containsEntry("latest_score", 5)
                .containsEntry("scores", 2);
        assertThat(cellsOf(caseId)).isEqualTo(cellsFromTheScores(caseId));
    }

    private void assess(UUID caseId, String member, String leefgebied, String body) throws Exception {
        MvcResult result = mvc.perform(put("/api/v1/cases/" + caseId + "/vraagverheldering/" + member + "/" + leefgebied)
                .with(TestUsers.wijkcoach()).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
    }

    private UUID openCase() {
        UUID household = UUID.randomUUID();
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Cel', 'noord', now())", household);
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

    private UUID score(UUID caseId, UUID member, String leefgebied, int score, String at) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into leefgebied_assessment (id, case_id, member_id, leefgebied, moment, status, score, assessed_by, assessed_at)
                values (?, ?, ?, ?, 'EVALUATIE', 'ASSESSED', ?, 'test', ?)
                """, id, caseId, member, leefgebied, score, Timestamp.from(Instant.parse(at)));
        return id;
    }

    private void mark(UUID caseId, UUID member, String leefgebied, String at) {
        jdbc.update("""
                insert into leefgebied_assessment (id, case_id, member_id, leefgebied, moment, status, assessed_by, assessed_at)
                values (?, ?, ?, ?, 'EVALUATIE', 'NIET_VAN_TOEPASSING', 'test', ?)
                """, UUID.randomUUID(), caseId, member, leefgebied, Timestamp.from(Instant.parse(at)));
    }

    private Map<String, Object> cell(UUID caseId, UUID member, String leefgebied) {
        return jdbc.queryForMap("""
                select first_score, latest_score, latest_at, scores from leefgebied_score_cell
                where case_id = ? and member_id = ? and leefgebied = ?""", caseId, member, leefgebied);
    }

    /** The stored cells of a case, every column. */
    private List<Map<String, Object>> cellsOf(UUID caseId) {
        return jdbc.queryForList("""
                select member_id, leefgebied, first_score, first_seq, latest_score, latest_seq, latest_at, scores
                from leefgebied_score_cell where case_id = ? order by member_id, leefgebied""", caseId);
    }

    /** What the scores of a case say, computed from every row: what the cells must equal. */
    private List<Map<String, Object>> cellsFromTheScores(UUID caseId) {
        return jdbc.queryForList("""
                select member_id, leefgebied, (array_agg(score order by seq))[1] as first_score, min(seq) as first_seq,
                       (array_agg(score order by seq desc))[1] as latest_score, max(seq) as latest_seq,
                       (array_agg(assessed_at order by seq desc))[1] as latest_at, cast(count(*) as integer) as scores
                from leefgebied_assessment where case_id = ? and score is not null
                group by member_id, leefgebied order by member_id, leefgebied""", caseId);
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
