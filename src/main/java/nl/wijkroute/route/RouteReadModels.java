package nl.wijkroute.route;

import nl.wijkroute.system.ReadBy;

/**
 * The route module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class RouteReadModels {


    /**
     * One row per case: {@code id, household_id, team_id, current_stage, status, opened_at, closed_at}. Read by
     * privacy.access (the scope condition on {@code c}), privacy.breakglass and privacy.retention (a household's cases).
     */
    public static final String CASE_SCOPE_VIEW = "route_case_scope_view";

    /**
     * A case's place in the route, one row per case. Columns: {@code id}, {@code household_id}, {@code team_id},
     * {@code status} ({@link CaseStatus}), {@code current_stage} ({@link Stage}), {@code stage_entered_at},
     * {@code opened_at}. Read by privacy.resident (the household's latest case and its step, all cases of the
     * household for the safety mask).
     */
    public static final String CASE_STAGE_VIEW = "route_case_stage_view";

    /**
     * {@code route_case_view}: one row per case. Columns: {@code case_id}, {@code household_id},
     * {@code team_id}, {@code wijk_id}, {@code status} ({@link CaseStatus}), {@code current_stage} ({@link Stage}),
     * {@code opened_at}, {@code closed_at}, {@code recurred_within_12_months}, {@code stage_entered_at} (when the
     * case entered its current stage). Read by escalation (stagnation detection), deadline (terms at risk per
     * team and scope) and the dashboard; in the database by the triggers of plan, assessment and toeleiding that copy a
     * case's team and wijk onto their rows (V76, decision 0066).
     */
    public static final String CASE_VIEW = "route_case_view";

    /**
     * One row per stay of a case in a route step (the stage-stay projection of the step history): {@code case_id, team_id, wijk_id, stage, entered_at, left_at, duration_seconds}; {@code left_at} null while the case is there. Read by the dashboard (work in progress, lead times, its stage-day aggregate).
     */
    public static final String STAGE_STAY_VIEW = "route_stage_stay_view";

    /**
     * {@code route_step_history_view}: one row per move of a case between stages. Columns: {@code case_id},
     * {@code to_stage}, {@code moved_at}, {@code back_move} (a move back in the route, decision 0028),
     * {@code actor}. Read by escalation (repeated back-moves) and the dashboard.
     * {@code actor} is a user name: the dashboard reads it only to count distinct professionals (involvement); escalation reads the back-moves. Only these two may read this view.
     */
    @ReadBy({"escalation", "dashboard"})
    public static final String STEP_HISTORY_VIEW = "route_step_history_view";

    private RouteReadModels() {
    }
}
