package nl.wijkroute.handover;

/**
 * The handover module's read models for other modules' SQL (issue 19, decision 0052): PostgreSQL views
 * created in Flyway migrations, one constant per view holding its name. Readers reference the constant so
 * the module dependency is visible; the columns are what the readers need, no free text.
 */
public final class HandoverReadModels {

    /**
     * One row per warme overdracht: {@code case_id, status, created_at, decided_at, sender, decided_by, receiver_organisation} (professionals' and organisation ids). Read by the dashboard (handovers, involvement).
     */
    public static final String HANDOVER_VIEW = "handover_handover_view";

    private HandoverReadModels() {
    }
}
