package nl.wijkroute.toeleiding;

/**
 * The toeleiding module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class ToeleidingReadModels {

    /**
     * One row per recorded toeleiding: {@code case_id, outcome, in_voorliggend_veld, voorliggend_veld_used, recorded_at, superseded_at}
     * (when the case next passed the toeleiding, null for its latest: V75, decision 0066), {@code team_id, wijk_id} (copies
     * of the case's, V76). Read by the dashboard (short route).
     */
    public static final String TRACE_VIEW = "toeleiding_trace_view";

    private ToeleidingReadModels() {
    }
}
