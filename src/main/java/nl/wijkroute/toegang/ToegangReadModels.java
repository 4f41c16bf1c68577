package nl.wijkroute.toegang;

/**
 * The toegang module's read models for other modules' SQL (decision 0052): PostgreSQL views created in
 * Flyway migrations, one constant per view holding its name. The columns are what the readers need, no free text.
 */
public final class ToegangReadModels {

    /**
     * One row per toegang request: {@code case_id, law}. Read by privacy.access (a consulent's scope).
     */
    public static final String REQUEST_LAW_VIEW = "toegang_request_law_view";

    private ToegangReadModels() {
    }
}
