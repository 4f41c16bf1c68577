package nl.wijkroute.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard aggregates the reflectietool needs beyond the dashboard's own tiles (decision 0039), on a
 * hand-made history in a team of its own. The test profile's minimum group size is 3: groups of 1 or 2 are
 * suppressed.
 */
class ReflectionEvidenceQueriesTest extends ApiTestSupport {

    @Autowired
    DashboardService dashboard;

    private String team;
    private String wijk;

    @BeforeEach
    void ownTeam() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = "team-refl-" + suffix;
        wijk = "wijk-refl-" + suffix;
        jdbc.update("insert into team (id, name) values (?, ?)", team, "Reflectietest");
        jdbc.update("insert into wijk (id, name, team_id) values (?, ?, ?)", wijk, "Reflectiewijk", team);
    }

    @Test
    void doorbrakenWithATemporaryPayer() {
        escalation("2026-02-02", "{\"decision\": \"x\", \"payer\": \"gemeente\", \"payUntil\": \"2026-05-01\"}");
        escalation("2026-02-03", "{\"decision\": \"x\", \"payer\": \"org-1\", \"payUntil\": \"2026-05-01\"}");
        escalation("2026-02-10", "{\"decision\": \"x\", \"payer\": \"gemeente\", \"payUntil\": \"2026-05-01\"}");
        escalation("2026-02-11", "{\"decision\": \"x\"}");
        escalation("2026-02-12", null);
        escalation("2026-01-20", "{\"decision\": \"x\", \"payer\": \"gemeente\", \"payUntil\": \"2026-05-01\"}");

        DashboardViews.DoorbraakPayers february = dashboard.doorbraakPayers(february());
        assertThat(february).as("4 doorbraken raised in February (one without a doorbraak, one in January left out), 3 with a payer")
                .isEqualTo(new DashboardViews.DoorbraakPayers(4L, 3L, false));
        assertThat(dashboard.doorbraakPayers(january())).as("one doorbraak could be recognised")
                .isEqualTo(new DashboardViews.DoorbraakPayers(null, null, true));
    }

    @Test
    void lawsCollidingPerHouseholdRefusalsAndOutcomes() {
        UUID h1 = household();
        UUID c1 = caseOf(h1, "OPEN");
        request(c1, "WMO", "2026-02-01", "REFUSED", "2026-02-03");
        request(c1, "JEUGDWET", "2026-02-10", "GRANTED", "2026-02-20");
        UUID h2 = household();
        UUID c2 = caseOf(h2, "OPEN");
        request(c2, "WMO", "2026-02-01", "REFUSED", "2026-02-05");
        request(c2, "WMO", "2026-02-15", "PARTLY", "2026-02-25");
        UUID h3 = household();
        UUID c3 = caseOf(h3, "OPEN");
        request(c3, "PARTICIPATIEWET", "2026-01-05", "GRANTED", "2026-01-20");
        request(c3, "WMO", "2026-02-01", "REFUSED", "2026-02-06");
        UUID h4 = household();
        UUID c4closed = caseOf(h4, "CLOSED");
        request(c4closed, "JEUGDWET", "2026-02-02", "REFUSED", "2026-02-07");
        UUID c4 = caseOf(h4, "OPEN");
        request(c4, "WGS", "2026-02-20", null, null);

        assertThat(dashboard.multiLawHouseholds(february()))
                .as("4 households asked in February; h1 (Wmo, Jeugdwet) and h4 (Jeugdwet, Wgs over two cases) under two laws;"
                        + " h3's Participatiewet was in January")
                .isEqualTo(new DashboardViews.MultiLawHouseholds(4L, 2L, false));
        assertThat(dashboard.refusalsFollowedByOtherLaw(february()))
                .as("4 refusals; h1 and h4 asked under another law after; h2 asked under the same law, h3 before")
                .isEqualTo(new DashboardViews.RefusalsFollowedByOtherLaw(4L, 2L, false));
        DashboardViews.DecisionOutcomes outcomes = dashboard.decisionOutcomes(february());
        assertThat(outcomes.decided()).as("6 decided in February (h3's January grant and h4's open Wgs request left out)").isEqualTo(6);
        assertThat(outcomes.refused()).isEqualTo(4);
        assertThat(outcomes.partlyGranted()).isEqualTo(1);
        assertThat(outcomes.refusedOrPartlyShare()).isCloseTo(5.0 / 6, within(1e-9));
        assertThat(dashboard.multiLawHouseholds(january())).as("one household asked in January")
                .isEqualTo(new DashboardViews.MultiLawHouseholds(null, null, true));
        assertThat(dashboard.decisionOutcomes(january()))
                .isEqualTo(new DashboardViews.DecisionOutcomes(null, null, null, null, true));
    }

    @Test
    void repeatedBackMoves() {
        backMoves(new String[] {"2026-02-03", "2026-02-10"});
        backMoves(new String[] {"2026-01-20", "2026-02-05"});
        backMoves(new String[] {"2026-02-04", "2026-02-11", "2026-02-18"});
        backMoves(new String[] {});

        assertThat(dashboard.repeatedBackMoves(february()))
                .as("3 cases went back in February, 2 of them twice or more there (one's first move was in January)")
                .isEqualTo(new DashboardViews.RepeatedBackMoves(3L, 2L, false));
        assertThat(dashboard.repeatedBackMoves(january())).isEqualTo(new DashboardViews.RepeatedBackMoves(null, null, true));
    }

    @Test
    void suspendedTerms() {
        UUID caseId = caseOf(household(), "OPEN");
        UUID request = request(caseId, "WMO", "2026-01-05", null, null);
        deadline(caseId, request, "2026-02-10", "SUSPENDED", 0);
        deadline(caseId, request, "2026-02-11", "MET", 5);
        UUID suspendedOnce = deadline(caseId, request, "2026-02-12", "RUNNING", 0);
        jdbc.update("""
                insert into deadline_suspension (id, deadline_id, since, until, reason, recorded_by, recorded_at)
                values (?, ?, date '2026-01-20', date '2026-01-22', 'x', 'test', now())
                """, UUID.randomUUID(), suspendedOnce);
        deadline(caseId, request, "2026-02-13", "RUNNING", 0);
        deadline(caseId, request, "2026-03-02", "SUSPENDED", 0);

        assertThat(dashboard.suspendedTerms(february())).as("4 terms due in February, 3 suspended at some time")
                .isEqualTo(new DashboardViews.SuspendedTerms(4L, 3L, false));
        assertThat(dashboard.suspendedTerms(new DashboardFilter(team, null, Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z")))).as("one term due in March")
                .isEqualTo(new DashboardViews.SuspendedTerms(null, null, true));
        assertThat(dashboard.suspendedTerms(new DashboardFilter(team, null, Instant.parse("2025-03-01T00:00:00Z"),
                Instant.parse("2025-04-01T00:00:00Z")))).as("none is no group to hide")
                .isEqualTo(new DashboardViews.SuspendedTerms(0L, 0L, false));
    }

    private DashboardFilter february() {
        return new DashboardFilter(team, wijk, Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));
    }

    private DashboardFilter january() {
        return new DashboardFilter(team, null, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
    }

    private UUID household() {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Reflectie', ?, now())", id, wijk);
        return id;
    }

    private UUID caseOf(UUID household, String status) {
        UUID id = UUID.randomUUID();
        Timestamp opened = Timestamp.from(Instant.parse("2026-01-02T08:00:00Z"));
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at, closed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, id, household, team, status, "CLOSED".equals(status) ? "AFGESLOTEN" : "REGIE", opened, opened,
                "CLOSED".equals(status) ? Timestamp.from(Instant.parse("2026-01-30T08:00:00Z")) : null);
        return id;
    }

    private void escalation(String raisedOn, String doorbraak) {
        UUID caseId = caseOf(household(), "OPEN");
        jdbc.update("""
                insert into escalation (id, case_id, cause, description, source, raised_by, raised_at, status, doorbraak)
                values (?, ?, 'FINANCING_CONFLICT', 'x', 'WORKER', 'test', ?, ?, cast(? as jsonb))
                """, UUID.randomUUID(), caseId, Timestamp.from(Instant.parse(raisedOn + "T09:00:00Z")),
                doorbraak == null ? "OPEN" : "DOORBRAAK", doorbraak);
    }

    private UUID request(UUID caseId, String law, String requestedOn, String outcome, String decidedOn) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into toegang_request (id, case_id, law, provision, received_on, phase, outcome, decided_at,
                                             requested_by, requested_at)
                values (?, ?, ?, 'Begeleiding', cast(? as date), ?, ?, ?, 'test', ?)
                """, id, caseId, law, requestedOn, outcome == null ? "ONDERZOEK" : "BESLOTEN", outcome,
                decidedOn == null ? null : Timestamp.from(Instant.parse(decidedOn + "T10:00:00Z")),
                Timestamp.from(Instant.parse(requestedOn + "T09:00:00Z")));
        return id;
    }

    /** A case moving forward to vraagverheldering and back to triage once per given day. */
    private void backMoves(String[] days) {
        UUID caseId = caseOf(household(), "OPEN");
        move(caseId, null, "SIGNALEREN", "2026-01-02T09:00:00Z", false);
        move(caseId, "SIGNALEREN", "TRIAGE", "2026-01-02T10:00:00Z", false);
        for (String day : days) {
            move(caseId, "TRIAGE", "VRAAGVERHELDERING", day + "T10:00:00Z", false);
            move(caseId, "VRAAGVERHELDERING", "TRIAGE", day + "T12:00:00Z", true);
        }
        move(caseId, "TRIAGE", "VRAAGVERHELDERING", "2026-02-25T10:00:00Z", false);
    }

    private void move(UUID caseId, String from, String to, String at, boolean back) {
        jdbc.update("insert into step_history (case_id, from_stage, to_stage, actor, moved_at, reason, back_move) values (?, ?, ?, 'test', ?, ?, ?)",
                caseId, from, to, Timestamp.from(Instant.parse(at)), back ? "x" : null, back);
    }

    private UUID deadline(UUID caseId, UUID request, String dueOn, String status, int suspendedDays) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into legal_deadline (id, case_id, toegang_request_id, term, legal_basis, received_on, due_on, warn_on,
                                            suspended_days, status, breached, created_at)
                values (?, ?, ?, 'WMO_ONDERZOEK', 'Wmo 2015 art. 2.3.2', date '2026-01-05', cast(? as date), cast(? as date), ?, ?, false, now())
                """, id, caseId, request, dueOn, dueOn, suspendedDays, status);
        return id;
    }
}
