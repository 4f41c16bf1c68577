package nl.wijkroute.toegang;

import nl.wijkroute.system.ReadBy;

/**
 * The toegang module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class ToegangReadModels {


    /**
     * One row per bezwaar: {@code case_id, law, outcome, received_on, timely}. Read by the dashboard (bezwaren).
     */
    public static final String BEZWAAR_VIEW = "toegang_bezwaar_view";

    /**
     * A toegang request's law and the plan action it was made for (null: made for the household), one row per
     * request. Columns: {@code id}, {@code case_id}, {@code law} ({@link Law}), {@code plan_action_id}; no
     * provision or decision text. Read by privacy.resident (a term belongs to whom the action's goal belongs) and privacy.access
     * (a consulent's scope: the laws of a case's requests).
     */
    public static final String REQUEST_LAW_VIEW = "toegang_request_law_view";

    /**
     * One row per toegang request: {@code request_id, case_id, law, outcome, requested_at, decided_at, requested_by, decided_by} (professionals' ids). Read by the dashboard (deadlines per law, front door, multi-law households, refusals, decisions, short route, involvement).
     * {@code requested_by} and {@code decided_by} are user names: the dashboard reads them only to count distinct professionals (involvement), so only the dashboard may read this view.
     */
    @ReadBy("dashboard")
    public static final String REQUEST_VIEW = "toegang_request_view";

    private ToegangReadModels() {
    }
}
