package nl.wijkroute.route;

/**
 * The route module's read models for other modules' SQL (issue 19, decision 0052): PostgreSQL views
 * created in Flyway migrations, one constant per view holding its name. Readers reference the constant so
 * the module dependency is visible; the columns are what the readers need, no free text.
 */
public final class RouteReadModels {

    /**
     * One row per case: {@code case_id, household_id, team_id, wijk_id, status, current_stage, opened_at, closed_at, recurred_within_12_months}. Read by the dashboard (flow, lead times, front door, recurrence, outcomes, business gauges).
     */
    public static final String CASE_VIEW = "route_case_view";

    /**
     * One row per stay of a case in a route step (the stage-stay projection of the step history): {@code case_id, team_id, wijk_id, stage, entered_at, left_at, duration_seconds}; {@code left_at} null while the case is there. Read by the dashboard (work in progress, lead times, its stage-day aggregate).
     */
    public static final String STAGE_STAY_VIEW = "route_stage_stay_view";

    /**
     * One row per move of a case: {@code case_id, to_stage, moved_at, back_move, actor} (the professional's id, or the engine's system actor). Read by the dashboard (back-moves, one-regisseur, involvement).
     */
    public static final String STEP_HISTORY_VIEW = "route_step_history_view";

    private RouteReadModels() {
    }
}
