package nl.wijkroute.plan;

import nl.wijkroute.system.ReadBy;

/**
 * The plan module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class PlanReadModels {


    /**
     * One row per active plan: {@code case_id, organisation_ids} (a JSON array of the organisation ids of the
     * actions in its current version). Read by privacy.access (a partner's involvement).
     */
    public static final String ACTION_ORGANISATION_VIEW = "plan_action_organisation_view";

    /**
     * One row per evaluation of a goal: {@code case_id, goal_id, leefgebied, attainment, evaluated_at, superseded_at}
     * (when the goal was next evaluated, null while this is its latest; kept by a trigger, V72, decision 0064), {@code team_id,
     * wijk_id} (copies of the case's, V76, decision 0066). Read by
     * the dashboard (goals attained).
     */
    public static final String GOAL_EVALUATION_VIEW = "plan_goal_evaluation_view";

    /**
     * One row per partner action in any version of a case's plan: {@code case_id, organisation_id}. Read by the dashboard (involvement).
     */
    public static final String PARTNER_ACTION_VIEW = "plan_partner_action_view";

    /**
     * One row per action in every version of every plan: {@code household_id, case_id, organisation_id} (null for an
     * action without an organisation). Read by privacy.retention (the Jeugdwet's terms).
     */
    public static final String VERSION_ACTION_ORGANISATION_VIEW = "plan_version_action_organisation_view";

    /**
     * One row per version of a case's plan: {@code case_id, changed_by, changed_at}. Read by the dashboard (involvement).
     * {@code changed_by} is a user name: the dashboard reads it only to count distinct professionals (involvement), so only the dashboard may read this view.
     */
    @ReadBy("dashboard")
    public static final String VERSION_VIEW = "plan_version_view";

    private PlanReadModels() {
    }
}
