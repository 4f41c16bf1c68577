package nl.wijkroute.safety;

/**
 * The safety module's read models for other modules' SQL (issue 19, decision 0052): PostgreSQL views
 * created in Flyway migrations, one constant per view holding its name. Readers reference the constant so
 * the module dependency is visible; the columns are what the readers need, no free text.
 */
public final class SafetyReadModels {

    /**
     * One row per recorded meldcode step: {@code case_id, step, done_on}; none of its content. Read by the dashboard (safety indicators).
     */
    public static final String MELDCODE_STEP_VIEW = "safety_meldcode_step_view";

    private SafetyReadModels() {
    }
}
