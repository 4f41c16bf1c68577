package nl.wijkroute.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Self-sufficiency change counts only the chosen team's and wijk's cells when the period holds cells of several
 * teams (the filter is a check on each cell's case, decision 0062), and all of them for all teams.
 */
class SelfSufficiencyChangeScopeTest extends ApiTestSupport {

    private static final String PERIOD = "&from=2031-01-01T00:00:00Z&to=2031-04-01T00:00:00Z";

    @Test
    void aTeamOrWijkSeesOnlyItsOwnCellsAndAllTeamsSeeEvery() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String teamA = team("a-" + suffix);
        String teamB = team("b-" + suffix);
        // Team A: three cases 1→3; team B: four cases 4→2. Both in the same period, in a year no other test uses.
        for (int i = 0; i < 3; i++) {
            rescored(teamA, 1, 3);
        }
        for (int i = 0; i < 4; i++) {
            rescored(teamB, 4, 2);
        }

        JsonNode a = getJson("/api/v1/dashboard/self-sufficiency-change?team=" + teamA + PERIOD, TestUsers.manager()).get(0);
        assertThat(a.get("cases").asLong()).isEqualTo(3);
        assertThat(a.get("medianChange").asDouble()).isEqualTo(2.0);
        JsonNode b = getJson("/api/v1/dashboard/self-sufficiency-change?wijk=wijk-" + teamB + PERIOD, TestUsers.manager()).get(0);
        assertThat(b.get("cases").asLong()).isEqualTo(4);
        assertThat(b.get("medianChange").asDouble()).isEqualTo(-2.0);
        JsonNode all = getJson("/api/v1/dashboard/self-sufficiency-change?" + PERIOD.substring(1), TestUsers.manager()).get(0);
        assertThat(all.get("cases").asLong()).isEqualTo(7);
        assertThat(all.get("medianStart").asDouble()).isEqualTo(4.0); // 1 1 1 4 4 4 4
        assertThat(all.get("improved").asLong()).isEqualTo(3);
        assertThat(all.get("worsened").asLong()).isEqualTo(4);
    }

    private String team(String name) {
        String team = "team-zrs-" + name;
        jdbc.update("insert into team (id, name) values (?, ?)", team, "Scopetest");
        jdbc.update("insert into wijk (id, name, team_id) values (?, ?, ?)", "wijk-" + team, "Scopewijk", team);
        return team;
    }

    private void rescored(String team, int first, int latest) {
        UUID household = UUID.randomUUID();
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Zrs', ?, now())", household,
                "wijk-" + team);
        UUID member = UUID.randomUUID();
        jdbc.update("insert into household_member (id, household_id, given_name, family_name, birth_date) "
                + "values (?, ?, 'Lid', 'Test', date '1980-01-01')", member, household);
        UUID caseId = UUID.randomUUID();
        Timestamp opened = Timestamp.from(Instant.parse("2030-09-01T08:00:00Z"));
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at)
                values (?, ?, ?, 'OPEN', 'EVALUATIE', ?, ?)
                """, caseId, household, team, opened, opened);
        score(caseId, member, first, "2031-01-10T10:00:00Z");
        score(caseId, member, latest, "2031-02-10T10:00:00Z");
    }

    private void score(UUID caseId, UUID member, int score, String at) {
        jdbc.update("""
                insert into leefgebied_assessment (id, case_id, member_id, leefgebied, moment, status, score, assessed_by, assessed_at)
                values (?, ?, ?, 'FINANCIEN', 'EVALUATIE', 'ASSESSED', ?, 'test', ?)
                """, UUID.randomUUID(), caseId, member, score, Timestamp.from(Instant.parse(at)));
    }
}
