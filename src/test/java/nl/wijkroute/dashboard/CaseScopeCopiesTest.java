package nl.wijkroute.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * The copies of a case's team and wijk on goal evaluations, score cells and toeleiding traces (V76, decision 0066), which
 * goals attained, self-sufficiency change and the short route read for one team instead of checking each row's case:
 * after every kind of write they equal the case's, and one team's answers equal those of the team's wijk, which are
 * still computed by checking each row's case (the live way), on real PostgreSQL.
 */
class CaseScopeCopiesTest extends ApiTestSupport {

    private static final String PERIOD = "&from=2032-01-01T00:00:00Z&to=2032-04-01T00:00:00Z";
    private static final List<String> TABLES = List.of("plan_goal_evaluation", "leefgebied_score_cell", "toeleiding_trace");

    @Test
    void copiesFollowTheCaseAndOneTeamAnswersAsItsWijk() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String teamA = team("a-" + suffix);
        String teamB = team("b-" + suffix);
        UUID firstOfA = null;
        for (int i = 0; i < 6; i++) {
            UUID caseId = caseWithOutcomes(teamA, i % 3 == 0 ? "ATTAINED" : "PARTLY", i % 2 == 0);
            firstOfA = firstOfA == null ? caseId : firstOfA;
        }
        UUID ofB = null;
        for (int i = 0; i < 5; i++) {
            ofB = caseWithOutcomes(teamB, "NOT_ATTAINED", true);
        }
        assertThat(copiesThatDifferFromTheirCase()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from toeleiding_trace where team_id = ? and wijk_id = ?", Long.class,
                teamA, "wijk-" + teamA)).isEqualTo(6);

        for (String indicator : List.of("goals-attained", "self-sufficiency-change", "short-route")) {
            JsonNode byTeam = getJson("/api/v1/dashboard/" + indicator + "?team=" + teamA + PERIOD, TestUsers.manager());
            JsonNode byWijk = getJson("/api/v1/dashboard/" + indicator + "?wijk=wijk-" + teamA + PERIOD, TestUsers.manager());
            JsonNode byTeamAndWijk = getJson("/api/v1/dashboard/" + indicator + "?team=" + teamA + "&wijk=wijk-" + teamA + PERIOD,
                    TestUsers.manager());
            JsonNode otherWijk = getJson("/api/v1/dashboard/" + indicator + "?team=" + teamA + "&wijk=wijk-" + teamB + PERIOD,
                    TestUsers.manager());
            assertThat(byTeam).as(indicator).isEqualTo(byWijk).isEqualTo(byTeamAndWijk).isNotEqualTo(otherWijk);
        }
        JsonNode shortRoute = getJson("/api/v1/dashboard/short-route?team=" + teamA + PERIOD, TestUsers.manager());
        assertThat(shortRoute.get("cases").asLong()).isEqualTo(6);

        // Corrections by hand (the application never moves a row to another case): the copies follow the new case.
        jdbc.update("update plan_goal_evaluation set case_id = ? where case_id = ?", ofB, firstOfA);
        jdbc.update("update toeleiding_trace set case_id = ? where case_id = ?", ofB, firstOfA);
        jdbc.update("update leefgebied_assessment set case_id = ? where case_id = ?", ofB, firstOfA); // the cell is computed again
        assertThat(copiesThatDifferFromTheirCase()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from leefgebied_score_cell where case_id = ? and team_id = ?", Long.class,
                ofB, teamB)).isEqualTo(2);
        for (String indicator : List.of("goals-attained", "self-sufficiency-change", "short-route")) {
            assertThat(getJson("/api/v1/dashboard/" + indicator + "?team=" + teamB + PERIOD, TestUsers.manager())).as(indicator)
                    .isEqualTo(getJson("/api/v1/dashboard/" + indicator + "?wijk=wijk-" + teamB + PERIOD, TestUsers.manager()));
        }
    }

    private long copiesThatDifferFromTheirCase() {
        return TABLES.stream().mapToLong(table -> jdbc.queryForObject("""
                select count(*) from %s r join support_case c on c.id = r.case_id
                where r.team_id is distinct from c.team_id or r.wijk_id is distinct from c.wijk_id""".formatted(table), Long.class))
                .sum();
    }

    private String team(String name) {
        String team = "team-scp-" + name;
        jdbc.update("insert into team (id, name) values (?, ?)", team, "Kopietest");
        jdbc.update("insert into wijk (id, name, team_id) values (?, ?, ?)", "wijk-" + team, "Kopiewijk", team);
        return team;
    }

    /** A case of the team with, in the period, a goal evaluated, a member's leefgebied scored twice and a toeleiding. */
    private UUID caseWithOutcomes(String team, String attainment, boolean connected) {
        UUID household = UUID.randomUUID();
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Kopie', ?, now())", household,
                "wijk-" + team);
        UUID member = UUID.randomUUID();
        jdbc.update("insert into household_member (id, household_id, given_name, family_name, birth_date) "
                + "values (?, ?, 'Lid', 'Test', date '1980-01-01')", member, household);
        UUID caseId = UUID.randomUUID();
        Timestamp opened = at("2031-09-01T08:00:00Z");
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at)
                values (?, ?, ?, 'OPEN', 'EVALUATIE', ?, ?)
                """, caseId, household, team, opened, opened);
        UUID plan = UUID.randomUUID();
        jdbc.update("insert into plan (id, household_id, case_id, status, current_version, created_at) values (?, ?, ?, 'ACTIVE', 1, now())",
                plan, household, caseId);
        jdbc.update("""
                insert into plan_goal_evaluation (id, case_id, plan_id, goal_id, leefgebied, attainment, evaluated_by, evaluated_at)
                values (?, ?, ?, ?, 'FINANCIEN', ?, 'coach', ?)
                """, UUID.randomUUID(), caseId, plan, UUID.randomUUID(), attainment, at("2032-02-01T10:00:00Z"));
        for (String time : List.of("2032-01-10T10:00:00Z", "2032-02-10T10:00:00Z")) {
            jdbc.update("""
                    insert into leefgebied_assessment (id, case_id, member_id, leefgebied, moment, status, score, assessed_by, assessed_at)
                    values (?, ?, ?, 'FINANCIEN', 'EVALUATIE', 'ASSESSED', ?, 'test', ?)
                    """, UUID.randomUUID(), caseId, member, time.startsWith("2032-01") ? 2 : 4, at(time));
        }
        jdbc.update("""
                insert into toeleiding_trace (id, case_id, outcome, connection_kind, connected_to, in_voorliggend_veld,
                                              voorliggend_veld_used, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, true, 'coach', ?)
                """, UUID.randomUUID(), caseId, connected ? "CONNECTED" : "NEEDS_FULL_ROUTE", connected ? "VOORZIENING" : null,
                connected ? "Voedselbank" : null, connected, at("2032-02-15T10:00:00Z"));
        return caseId;
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
