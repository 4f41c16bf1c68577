package nl.wijkroute.household;

/**
 * The household module's read models for other modules' SQL (decision 0052): PostgreSQL views created in
 * Flyway migrations, one constant per view holding its name. The columns are what the readers need, no free text.
 */
public final class HouseholdReadModels {

    /**
     * One row per household: {@code id, case_file_erased_at, personal_data_erased_at} (how far it has been erased).
     * Read by privacy.retention (which households are still to be erased).
     */
    public static final String ERASURE_STATE_VIEW = "household_erasure_state_view";

    private HouseholdReadModels() {
    }
}
