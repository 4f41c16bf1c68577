package nl.wijkroute.plan;

/**
 * The plan module's read models for other modules' SQL (issue 19, decision 0052): PostgreSQL views
 * created in Flyway migrations, one constant per view holding its name. Readers reference the constant so
 * the module dependency is visible; the columns are what the readers need, no free text.
 */
public final class PlanReadModels {

    /**
     * One row per evaluation of a goal: {@code case_id, goal_id, leefgebied, attainment, evaluated_at}. Read by the dashboard (goals attained).
     */
    public static final String GOAL_EVALUATION_VIEW = "plan_goal_evaluation_view";

    /**
     * One row per partner action in any version of a case's plan: {@code case_id, organisation_id}. Read by the dashboard (involvement).
     */
    public static final String PARTNER_ACTION_VIEW = "plan_partner_action_view";

    /**
     * One row per version of a case's plan: {@code case_id, changed_by, changed_at}. Read by the dashboard (involvement).
     */
    public static final String VERSION_VIEW = "plan_version_view";

    private PlanReadModels() {
    }
}
