package nl.wijkroute.privacy.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.wijkroute.household.HouseholdErasure;
import nl.wijkroute.route.RouteReadModels;
import nl.wijkroute.system.idempotency.IdempotencyService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pseudonymises one household in the caller's transaction. Rows are kept and keep their ids, stages,
 * times, scores, leefgebieden, laws and outcomes, so every count the dashboard makes stays the same;
 * names, numbers and free text go. Each module erases its own columns (decision 0052): the capabilities as
 * {@link PersonalDataHolder}s, the household and the idempotency store through their services (they may not
 * depend on retention). The per-table list is in docs/decisions/0019-retention-and-erasure.md.
 */
@Component
class PersonalDataEraser {

    static final String ERASED_TEXT = PersonalDataHolder.ERASED_TEXT;
    static final String ERASED_MEMBER_NAME = HouseholdErasure.ERASED_MEMBER_NAME;
    static final String ERASED_HOUSEHOLD_NAME = HouseholdErasure.ERASED_HOUSEHOLD_NAME;

    /** The household's cases, from route's read model (decision 0052). */
    private static final String CASES = "select id, status from " + RouteReadModels.CASE_SCOPE_VIEW + " where household_id = ?";

    private final List<PersonalDataHolder> holders;
    private final HouseholdErasure household;
    private final IdempotencyService idempotency;
    private final JdbcTemplate jdbc;

    PersonalDataEraser(List<PersonalDataHolder> holders, HouseholdErasure household, IdempotencyService idempotency,
                       JdbcTemplate jdbc) {
        this.holders = List.copyOf(holders);
        this.household = household;
        this.idempotency = idempotency;
        this.jdbc = jdbc;
    }

    /** Where a household stands, read under a row lock. */
    record HouseholdState(boolean supportRunning, Instant caseFileErasedAt, Instant personalDataErasedAt) {

        boolean fullyErased() {
            return personalDataErasedAt != null;
        }
    }

    /** A household's cases: the closed ones and all. */
    private record Cases(List<UUID> closed, List<UUID> all) {
    }

    /**
     * Locks the household for the rest of the transaction (the household module's lock, which also keeps a
     * new case from being opened meanwhile), then reads whether support is running.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<HouseholdState> lock(UUID householdId) {
        return household.lock(householdId).map(marks -> new HouseholdState(
                Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + RouteReadModels.CASE_SCOPE_VIEW
                        + " where household_id = ? and status in ('OPEN', 'NAZORG'))", Boolean.class, householdId)),
                marks.caseFileErasedAt(), marks.personalDataErasedAt()));
    }

    /**
     * The case files of the household's closed cases: everything but the toegang decisions and the
     * household's identity. A case still open or in nazorg is left alone (support in progress).
     *
     * @param markHousehold whether all of the household's case files are now erased (no case running)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void eraseClosedCaseFiles(UUID householdId, Instant now, boolean markHousehold) {
        eraseClosedCaseFiles(householdId, cases(householdId), now, markHousehold);
    }

    private void eraseClosedCaseFiles(UUID householdId, Cases cases, Instant now, boolean markHousehold) {
        if (!cases.closed().isEmpty()) {
            PersonalDataHolder.Erasure erasure = new PersonalDataHolder.Erasure(householdId, cases.closed(), cases.all(), now);
            allowHistoryRewrite(true);
            holders.forEach(holder -> holder.eraseCaseFiles(erasure));
            allowHistoryRewrite(false);
            idempotency.forgetAnswersMentioning(cases.closed());
        }
        if (markHousehold) {
            household.markCaseFilesErased(householdId, now);
        }
    }

    /**
     * Everything: the case files, the toegang decisions' reasons and the household's identity. Only for
     * a household without a case in progress (the caller checks, under {@link #lock}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void eraseAll(UUID householdId, Instant now) {
        Cases cases = cases(householdId);
        eraseClosedCaseFiles(householdId, cases, now, true);
        PersonalDataHolder.Erasure erasure = new PersonalDataHolder.Erasure(householdId, cases.closed(), cases.all(), now);
        allowHistoryRewrite(true);
        holders.forEach(holder -> holder.eraseEverything(erasure));
        allowHistoryRewrite(false);
        idempotency.forgetAnswersMentioning(List.of(householdId));
        household.eraseIdentity(householdId, now);
    }

    private Cases cases(UUID householdId) {
        List<UUID> closed = new java.util.ArrayList<>();
        List<UUID> all = new java.util.ArrayList<>();
        jdbc.query(CASES, row -> {
            UUID id = row.getObject("id", UUID.class);
            all.add(id);
            if ("CLOSED".equals(row.getString("status"))) {
                closed.add(id);
            }
        }, householdId);
        return new Cases(List.copyOf(closed), List.copyOf(all));
    }

    private void allowHistoryRewrite(boolean on) {
        jdbc.queryForObject("select set_config('wijkroute.erasure', ?, true)", String.class, on ? "on" : "off");
    }
}
