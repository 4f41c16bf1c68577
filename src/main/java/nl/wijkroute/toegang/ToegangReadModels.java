package nl.wijkroute.toegang;

/**
 * The toegang module's read models for other modules' SQL (issue 19, decision 0052): PostgreSQL views
 * created in Flyway migrations, one constant per view holding its name. Readers reference the constant so
 * the module dependency is visible; the columns are what the readers need, no free text.
 */
public final class ToegangReadModels {

    /**
     * One row per bezwaar: {@code case_id, law, outcome, received_on, timely}. Read by the dashboard (bezwaren).
     */
    public static final String BEZWAAR_VIEW = "toegang_bezwaar_view";

    /**
     * One row per toegang request: {@code request_id, case_id, law, outcome, requested_at, decided_at, requested_by, decided_by} (professionals' ids). Read by the dashboard (deadlines per law, front door, multi-law households, refusals, decisions, short route, involvement).
     */
    public static final String REQUEST_VIEW = "toegang_request_view";

    private ToegangReadModels() {
    }
}
