package nl.wijkroute.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Bezwaren and their outcome per law (issue 17, decision 0050) on a hand-made set in a team of its own. The
 * test profile's minimum group size is 3: a law with 1 or 2 bezwaren in the period is suppressed.
 */
class BezwaarIndicatorTest extends ApiTestSupport {

    @Autowired
    DashboardService dashboard;

    private String team;
    private String wijk;

    @BeforeEach
    void ownTeam() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = "team-bezw-" + suffix;
        wijk = "wijk-bezw-" + suffix;
        jdbc.update("insert into team (id, name) values (?, ?)", team, "Bezwaartest");
        jdbc.update("insert into wijk (id, name, team_id) values (?, ?, ?)", wijk, "Bezwaarwijk", team);
    }

    @Test
    void bezwarenPerLawByOutcomeWithSmallGroupsSuppressed() throws Exception {
        // Wmo, received in February: two gegrond, one ongegrond, one ingetrokken, one still open and late.
        bezwaar("WMO", "2026-02-02", "GEGROND", true);
        bezwaar("WMO", "2026-02-09", "GEGROND", true);
        bezwaar("WMO", "2026-02-16", "ONGEGROND", true);
        bezwaar("WMO", "2026-02-20", "INGETROKKEN", true);
        bezwaar("WMO", "2026-02-28", null, false);
        // Jeugdwet: three in February (one niet-ontvankelijk because late), one on 1 March is outside the period.
        bezwaar("JEUGDWET", "2026-02-03", "NIET_ONTVANKELIJK", false);
        bezwaar("JEUGDWET", "2026-02-04", "ONGEGROND", true);
        bezwaar("JEUGDWET", "2026-02-05", null, true);
        bezwaar("JEUGDWET", "2026-03-01", "GEGROND", true);
        // Participatiewet: two in February, a group that could be recognised.
        bezwaar("PARTICIPATIEWET", "2026-02-10", "ONGEGROND", true);
        bezwaar("PARTICIPATIEWET", "2026-02-11", "GEGROND", true);
        // Another team's bezwaar does not count.
        String ours = team;
        String ourWijk = wijk;
        ownTeam();
        bezwaar("WMO", "2026-02-02", "GEGROND", true);
        team = ours;
        wijk = ourWijk;

        assertThat(dashboard.bezwaren(february())).containsExactly(
                new DashboardViews.BezwaarOutcomes("JEUGDWET", 3L, 0L, 1L, 1L, 0L, 1L, 1L, false),
                new DashboardViews.BezwaarOutcomes("PARTICIPATIEWET", null, null, null, null, null, null, null, true),
                new DashboardViews.BezwaarOutcomes("WMO", 5L, 2L, 1L, 0L, 1L, 1L, 1L, false));

        MvcResult page = mvc.perform(get("/api/v1/dashboard/bezwaren?team=" + team + "&from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z")
                .with(TestUsers.manager())).andReturn();
        assertThat(page.getResponse().getStatus()).as(page.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode wmo = read(page).get(2);
        assertThat(wmo.get("law").asText()).isEqualTo("WMO");
        assertThat(wmo.get("gegrond").asLong()).isEqualTo(2);
        assertProblem(mvc.perform(get("/api/v1/dashboard/bezwaren").with(TestUsers.wijkcoach())).andReturn(), 403);
    }

    private DashboardFilter february() {
        return new DashboardFilter(team, wijk, Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));
    }

    private void bezwaar(String law, String receivedOn, String outcome, boolean timely) {
        UUID household = UUID.randomUUID();
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Bezwaar', ?, now())", household, wijk);
        UUID caseId = UUID.randomUUID();
        Timestamp opened = Timestamp.from(Instant.parse("2025-11-02T08:00:00Z"));
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at)
                values (?, ?, ?, 'OPEN', 'PLAN', ?, ?)
                """, caseId, household, team, opened, opened);
        UUID request = UUID.randomUUID();
        jdbc.update("""
                insert into toegang_request (id, case_id, law, provision, received_on, phase, outcome, decided_at,
                                             requested_by, requested_at)
                values (?, ?, ?, 'Begeleiding', date '2025-11-03', 'BESLOTEN', 'REFUSED', ?, 'test', ?)
                """, request, caseId, law, Timestamp.from(Instant.parse("2025-12-01T10:00:00Z")), opened);
        jdbc.update("""
                insert into toegang_bezwaar (id, toegang_request_id, case_id, law, received_on, timely, advisory_committee,
                                             original_outcome, outcome, recorded_by, recorded_at)
                values (?, ?, ?, ?, cast(? as date), ?, false, 'REFUSED', ?, 'test', now())
                """, UUID.randomUUID(), request, caseId, law, receivedOn, timely, outcome);
    }
}
