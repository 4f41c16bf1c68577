package nl.wijkroute.plan;

/**
 * The plan module's read models for other modules' SQL (decision 0052): PostgreSQL views created in
 * Flyway migrations, one constant per view holding its name. The columns are what the readers need, no free text.
 */
public final class PlanReadModels {

    /**
     * One row per active plan: {@code case_id, organisation_ids} (a JSON array of the organisation ids of the
     * actions in its current version). Read by privacy.access (a partner's involvement).
     */
    public static final String ACTION_ORGANISATION_VIEW = "plan_action_organisation_view";

    private PlanReadModels() {
    }
}
