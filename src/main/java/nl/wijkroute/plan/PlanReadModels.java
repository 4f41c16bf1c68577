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

    /**
     * One row per action in every version of every plan: {@code household_id, case_id, organisation_id} (null for an
     * action without an organisation). Read by privacy.retention (the Jeugdwet's terms).
     */
    public static final String VERSION_ACTION_ORGANISATION_VIEW = "plan_version_action_organisation_view";

    private PlanReadModels() {
    }
}
