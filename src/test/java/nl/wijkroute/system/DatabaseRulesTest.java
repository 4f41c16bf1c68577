package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;

/** Rules the database itself enforces, whatever the code does. */
class DatabaseRulesTest extends ApiTestSupport {

    @Test
    void aHouseholdCannotHaveASecondOpenCase() throws Exception {
        UUID caseId = openCaseInNoord();
        String householdId = jdbc.queryForObject("select household_id::text from support_case where id = ?", String.class, caseId);

        assertThatThrownBy(() -> insertCase(householdId, "OPEN")).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("support_case_one_open_per_household");
        assertThatThrownBy(() -> insertCase(householdId, "NAZORG")).isInstanceOf(DataIntegrityViolationException.class);
        insertCase(householdId, "CLOSED"); // closed cases from the past are history, not a second plan
        assertThat(jdbc.queryForObject("select count(*) from support_case where household_id = ?::uuid", Integer.class, householdId))
                .isEqualTo(2);
    }

    @Test
    void stepHistoryCannotBeRewritten() throws Exception {
        UUID caseId = openCaseInNoord();
        assertThatThrownBy(() -> jdbc.update("update step_history set actor = 'someone-else' where case_id = ?", caseId))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from step_history where case_id = ?", caseId))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from step_history where case_id = ?", Integer.class, caseId))
                .isEqualTo(2);
    }

    @Test
    void aBsnMustBeNineDigits() throws Exception {
        UUID caseId = openCaseInNoord();
        String householdId = jdbc.queryForObject("select household_id::text from support_case where id = ?", String.class, caseId);
        assertThatThrownBy(() -> jdbc.update("insert into household_member (id, household_id, given_name, family_name, birth_date, bsn) "
                + "values (?, ?::uuid, 'A', 'B', date '1990-01-01', 'abc')", UUID.randomUUID(), householdId))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void insertCase(String householdId, String status) {
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at)
                values (?, ?::uuid, 'team-noord', ?, 'TRIAGE', now(), now())
                """, UUID.randomUUID(), householdId, status);
    }
}
