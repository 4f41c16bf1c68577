package nl.wijkroute.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 17's safety indicators on a hand-made team of their own, with answers computed by hand (min group size 3). */
class SafetyDashboardApiTest extends ApiTestSupport {

    private String team;
    private String wijk;

    @BeforeEach
    void ownTeam() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = "team-veilig-" + suffix;
        wijk = "wijk-veilig-" + suffix;
        jdbc.update("insert into team (id, name) values (?, ?)", team, "Veiligheidstest");
        jdbc.update("insert into wijk (id, name, team_id) values (?, ?, ?)", wijk, "Veiligheidswijk", team);
    }

    @Test
    void openCasesWithASafetyConcernAreCountedPerStepAndASmallStepIsSuppressed() throws Exception {
        safetySignal(openCase("VEILIGHEID"), Instant.parse("2026-01-05T08:00:00Z"));
        safetySignal(openCase("VEILIGHEID"), Instant.parse("2026-01-05T08:00:00Z"));
        safetyTriage(openCase("VEILIGHEID"), Instant.parse("2026-01-06T08:00:00Z")); // found at triage, not in the signal
        safetySignal(openCase("PLAN"), Instant.parse("2026-01-05T08:00:00Z"));
        openCase("VEILIGHEID"); // no safety concern
        openCase("VEILIGHEID");
        safetySignal(closedCase(), Instant.parse("2026-01-05T08:00:00Z")); // closed: not in work

        JsonNode perStage = getJson("/api/v1/dashboard/safety?team=" + team, TestUsers.manager()).get("casesPerStage");

        assertThat(perStage.findValuesAsText("stage")).containsExactly("VEILIGHEID", "PLAN");
        assertThat(perStage.get(0).get("cases").asLong()).isEqualTo(3);
        assertThat(perStage.get(0).get("suppressed").asBoolean()).isFalse();
        assertThat(perStage.get(1).get("suppressed").asBoolean()).as("one case could be recognised").isTrue();
        assertThat(perStage.get(1).has("cases") && !perStage.get(1).get("cases").isNull()).isFalse();
    }

    @Test
    void daysFromTheSafetySignalToTheMeldcodeDecisionAreMedianAndP80InMunicipalDays() throws Exception {
        decided(Instant.parse("2026-01-05T08:00:00Z"), "2026-01-07");             // 2 days
        decided(Instant.parse("2026-01-05T08:00:00Z"), "2026-01-10");             // 5 days
        decided(Instant.parse("2026-01-05T23:30:00Z"), "2026-01-12");             // 00:30 on the 6th in Amsterdam: 6 days
        UUID twice = decided(Instant.parse("2026-01-05T08:00:00Z"), "2026-01-08"); // the first decision counts: 3 days
        decision(twice, "2026-01-20");
        decided(Instant.parse("2026-02-20T08:00:00Z"), "2026-03-05");             // decided after the period

        JsonNode days = getJson("/api/v1/dashboard/safety?team=" + team + "&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z",
                TestUsers.manager()).get("signalToMeldcodeDecision");

        assertThat(days.get("cases").asLong()).isEqualTo(4);
        assertThat(days.get("medianDays").asDouble()).as("2, 3, 5, 6").isCloseTo(4.0, within(1e-6));
        assertThat(days.get("p80Days").asDouble()).as("5 + 0.4 * (6 - 5)").isCloseTo(5.4, within(1e-6));
        JsonNode later = getJson("/api/v1/dashboard/safety?team=" + team + "&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z",
                TestUsers.manager()).get("signalToMeldcodeDecision");
        assertThat(later.get("suppressed").asBoolean()).isTrue();
        assertThat(later.path("medianDays").isNull() || later.path("medianDays").isMissingNode()).isTrue();
        assertProblem(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/dashboard/safety?from=2026-03-01T00:00:00Z&to=2026-01-01T00:00:00Z").with(TestUsers.manager()))
                .andReturn(), 400, "from");
        assertProblem(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/dashboard/safety").with(TestUsers.wijkcoach())).andReturn(), 403);
    }

    private UUID decided(Instant signalledAt, String decidedOn) {
        UUID caseId = closedCase();
        safetySignal(caseId, signalledAt);
        decision(caseId, decidedOn);
        return caseId;
    }

    private void decision(UUID caseId, String decidedOn) {
        jdbc.update("""
                insert into meldcode_entry (case_id, step, done_on, done_by, summary, decision, recorded_by, recorded_at)
                values (?, 'BESLISSEN', ?, 'x', 'x', 'MELDEN', 'test', now())""", caseId, Date.valueOf(LocalDate.parse(decidedOn)));
    }

    private UUID openCase(String stage) {
        return insertCase("OPEN", stage);
    }

    private UUID closedCase() {
        return insertCase("CLOSED", "AFGESLOTEN");
    }

    private UUID insertCase(String status, String stage) {
        UUID household = UUID.randomUUID();
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Veiligheid', ?, now())", household, wijk);
        UUID id = UUID.randomUUID();
        Timestamp opened = Timestamp.from(Instant.parse("2026-01-05T08:00:00Z"));
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at, closed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, id, household, team, status, stage, opened, opened, status.equals("CLOSED") ? opened : null);
        return id;
    }

    private void safetySignal(UUID caseId, Instant at) {
        UUID household = jdbc.queryForObject("select household_id from support_case where id = ?", UUID.class, caseId);
        jdbc.update("""
                insert into signal (id, case_id, household_id, source_type, source_organisation, description, urgency,
                                    safety_concern, received_at, registered_by)
                values (?, ?, ?, 'RESIDENT', 'x', 'x', 'CRISIS', true, ?, 'test')
                """, UUID.randomUUID(), caseId, household, Timestamp.from(at));
    }

    private void safetyTriage(UUID caseId, Instant at) {
        jdbc.update("""
                insert into triage_assessment (id, case_id, urgency, safety_concern, problem_scope, route, summary, assessed_by, assessed_at)
                values (?, ?, 'HIGH', true, 'MULTIPLE', 'SAFETY_FIRST', 'x', 'test', ?)
                """, UUID.randomUUID(), caseId, Timestamp.from(at));
    }
}
