package nl.wijkroute.safety;

/**
 * The safety module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class SafetyReadModels {

    /**
     * One row per recorded meldcode step: {@code case_id, step, done_on}; none of its content. Read by the dashboard (safety indicators).
     */
    public static final String MELDCODE_STEP_VIEW = "safety_meldcode_step_view";

    private SafetyReadModels() {
    }
}
