package nl.wijkroute.toeleiding;

/**
 * The toeleiding module's read models for other modules' SQL (issue 19, decision 0052): PostgreSQL views
 * created in Flyway migrations, one constant per view holding its name. Readers reference the constant so
 * the module dependency is visible; the columns are what the readers need, no free text.
 */
public final class ToeleidingReadModels {

    /**
     * One row per recorded toeleiding: {@code case_id, outcome, in_voorliggend_veld, voorliggend_veld_used, recorded_at}. Read by the dashboard (short route).
     */
    public static final String TRACE_VIEW = "toeleiding_trace_view";

    private ToeleidingReadModels() {
    }
}
