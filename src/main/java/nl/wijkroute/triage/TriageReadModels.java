package nl.wijkroute.triage;

/**
 * The triage module's read models for other modules' SQL (issue 19, decision 0052): PostgreSQL views
 * created in Flyway migrations, one constant per view holding its name. Readers reference the constant so
 * the module dependency is visible; the columns are what the readers need, no free text.
 */
public final class TriageReadModels {

    /**
     * One row per triage assessment: {@code case_id, assessed_at, safety_concern}. Read by the dashboard (safety indicators).
     */
    public static final String SAFETY_CONCERN_VIEW = "triage_safety_concern_view";

    private TriageReadModels() {
    }
}
