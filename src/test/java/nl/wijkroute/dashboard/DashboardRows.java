package nl.wijkroute.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Route history written straight into the owners' tables for the dashboard's tests: cases, moves and signals at
 * chosen moments in the past, which no API can write (the API stamps "now").
 */
final class DashboardRows {

    private DashboardRows() {
    }

    /** A case of {@code team}, open (at triage) or closed, of the given household. */
    static UUID caseOpenedAt(JdbcTemplate jdbc, String team, UUID household, Instant openedAt, Instant closedAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at, closed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, id, household, team, closedAt == null ? "OPEN" : "CLOSED", closedAt == null ? "TRIAGE" : "AFGESLOTEN",
                Timestamp.from(openedAt), Timestamp.from(openedAt), closedAt == null ? null : Timestamp.from(closedAt));
        return id;
    }

    static void move(JdbcTemplate jdbc, UUID caseId, String from, String to, Instant at) {
        jdbc.update("insert into step_history (case_id, from_stage, to_stage, actor, moved_at) values (?, ?, ?, 'test', ?)",
                caseId, from, to, Timestamp.from(at));
    }

    static void signal(JdbcTemplate jdbc, UUID caseId, String source, Instant at) {
        UUID household = jdbc.queryForObject("select household_id from support_case where id = ?", UUID.class, caseId);
        jdbc.update("""
                insert into signal (id, case_id, household_id, source_type, source_organisation, description, urgency,
                                    safety_concern, received_at, registered_by)
                values (?, ?, ?, ?, 'x', 'x', 'NORMAL', false, ?, 'test')
                """, UUID.randomUUID(), caseId, household, source, Timestamp.from(at));
    }
}
