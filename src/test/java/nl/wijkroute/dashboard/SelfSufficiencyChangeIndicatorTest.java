package nl.wijkroute.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The outcome indicator "zelfredzaamheid: verandering per leefgebied" on a hand-made assessment history in a
 * team of its own (minimum group 3 in the test profile), with the medians computed by hand.
 */
class SelfSufficiencyChangeIndicatorTest extends ApiTestSupport {

    private static final String PERIOD = "&from=2026-01-01T00:00:00Z&to=2026-04-01T00:00:00Z";

    private String team;
    private String wijk;

    @BeforeEach
    void ownTeam() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = "team-zrm-" + suffix;
        wijk = "wijk-zrm-" + suffix;
        jdbc.update("insert into team (id, name) values (?, ?)", team, "Zelfredzaamheidtest");
        jdbc.update("insert into wijk (id, name, team_id) values (?, ?, ?)", wijk, "Zelfredzaamheidwijk", team);
    }

    @Test
    void medianFirstLatestAndChangePerLeefgebiedOfCellsScoredAgainInThePeriod() throws Exception {
        // FINANCIEN, four cells in three cases (first → latest): 2→4, 1→2→3, 3→2 and 2→2.
        Case one = newCase();
        UUID anna = member(one);
        score(one, anna, "FINANCIEN", 2, "2026-01-10T10:00:00Z");
        score(one, anna, "FINANCIEN", 4, "2026-02-10T10:00:00Z");
        Case two = newCase();
        UUID bert = member(two);
        score(two, bert, "FINANCIEN", 1, "2026-01-05T10:00:00Z");
        score(two, bert, "FINANCIEN", 2, "2026-02-01T10:00:00Z");
        score(two, bert, "FINANCIEN", 3, "2026-03-01T10:00:00Z");
        Case three = newCase();
        UUID cor = member(three);
        UUID dirk = member(three);
        score(three, cor, "FINANCIEN", 3, "2026-01-12T10:00:00Z");
        score(three, cor, "FINANCIEN", 2, "2026-03-12T10:00:00Z");
        score(three, dirk, "FINANCIEN", 2, "2026-01-12T10:00:00Z");
        score(three, dirk, "FINANCIEN", 2, "2026-03-12T10:00:00Z");
        // Not counted: scored only once; latest score before the period; marked instead of scored.
        Case four = newCase();
        UUID eva = member(four);
        score(four, eva, "FINANCIEN", 3, "2026-02-10T10:00:00Z");
        Case five = newCase();
        UUID fleur = member(five);
        score(five, fleur, "FINANCIEN", 1, "2025-10-01T10:00:00Z");
        score(five, fleur, "FINANCIEN", 5, "2025-12-01T10:00:00Z");
        notApplicable(five, fleur, "HUISVESTING", "2026-02-01T10:00:00Z");
        notApplicable(five, fleur, "HUISVESTING", "2026-03-01T10:00:00Z");
        // WERK_EN_OPLEIDING scored again in two cases only: fewer than the minimum group of three.
        score(one, anna, "WERK_EN_OPLEIDING", 2, "2026-01-10T10:00:00Z");
        score(one, anna, "WERK_EN_OPLEIDING", 3, "2026-02-10T10:00:00Z");
        score(two, bert, "WERK_EN_OPLEIDING", 1, "2026-01-10T10:00:00Z");
        score(two, bert, "WERK_EN_OPLEIDING", 1, "2026-02-10T10:00:00Z");

        JsonNode rows = getJson("/api/v1/dashboard/self-sufficiency-change?team=" + team + PERIOD, TestUsers.manager());

        assertThat(rows.findValuesAsText("leefgebied")).containsExactly("FINANCIEN", "WERK_EN_OPLEIDING");
        JsonNode financien = rows.get(0);
        assertThat(financien.get("suppressed").asBoolean()).isFalse();
        assertThat(financien.get("cases").asLong()).isEqualTo(3);
        assertThat(financien.get("members").asLong()).isEqualTo(4);
        assertThat(financien.get("medianStart").asDouble()).isCloseTo(2.0, within(1e-9));   // 1 2 2 3
        assertThat(financien.get("medianLatest").asDouble()).isCloseTo(2.5, within(1e-9));  // 2 2 3 4
        assertThat(financien.get("medianChange").asDouble()).isCloseTo(1.0, within(1e-9));  // -1 0 2 2
        assertThat(financien.get("improved").asLong()).isEqualTo(2);
        assertThat(financien.get("worsened").asLong()).isEqualTo(1);
        JsonNode werk = rows.get(1);
        assertThat(werk.get("suppressed").asBoolean()).as("two households could be recognised").isTrue();
        assertThat(werk.has("cases")).isFalse();
        assertThat(werk.has("medianChange")).isFalse();

        // Another team's filter sees none of it.
        assertThat(getJson("/api/v1/dashboard/self-sufficiency-change?team=" + team + "-ander" + PERIOD, TestUsers.manager()))
                .isEmpty();
    }

    @Test
    void onlyManagersSeeIt() throws Exception {
        for (RequestPostProcessor user : List.of(TestUsers.wijkcoach(), TestUsers.partnerGgz(), TestUsers.procesregisseur())) {
            assertProblem(mvc.perform(get("/api/v1/dashboard/self-sufficiency-change").with(user)).andReturn(), 403);
        }
        assertProblem(mvc.perform(get("/api/v1/dashboard/self-sufficiency-change?from=2026-03-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .with(TestUsers.manager())).andReturn(), 400, "from");
    }

    private record Case(UUID id, UUID household) {
    }

    private UUID member(Case supportCase) {
        UUID member = UUID.randomUUID();
        jdbc.update("insert into household_member (id, household_id, given_name, family_name, birth_date) "
                + "values (?, ?, 'Lid', 'Test', date '1980-01-01')", member, supportCase.household());
        return member;
    }

    private Case newCase() {
        UUID household = UUID.randomUUID();
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Zrm', ?, now())", household, wijk);
        UUID id = UUID.randomUUID();
        Timestamp opened = Timestamp.from(Instant.parse("2025-09-01T08:00:00Z"));
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at)
                values (?, ?, ?, 'OPEN', 'EVALUATIE', ?, ?)
                """, id, household, team, opened, opened);
        return new Case(id, household);
    }

    private void score(Case supportCase, UUID member, String leefgebied, int score, String at) {
        jdbc.update("""
                insert into leefgebied_assessment (id, case_id, member_id, leefgebied, moment, status, score, assessed_by, assessed_at)
                values (?, ?, ?, ?, 'EVALUATIE', 'ASSESSED', ?, 'test', ?)
                """, UUID.randomUUID(), supportCase.id(), member, leefgebied, score, Timestamp.from(Instant.parse(at)));
    }

    private void notApplicable(Case supportCase, UUID member, String leefgebied, String at) {
        jdbc.update("""
                insert into leefgebied_assessment (id, case_id, member_id, leefgebied, moment, status, assessed_by, assessed_at)
                values (?, ?, ?, ?, 'VRAAGVERHELDERING', 'NIET_VAN_TOEPASSING', 'test', ?)
                """, UUID.randomUUID(), supportCase.id(), member, leefgebied, Timestamp.from(Instant.parse(at)));
    }
}
