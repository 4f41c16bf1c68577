package nl.wijkroute.route;

/**
 * The views route publishes so other modules can read cases and their moves with SQL (decision 0052): a
 * module reads only its own tables, and another module's data through the owner's views. Each view is a
 * plain projection of one route table (PostgreSQL inlines it, so a reader's plan keeps route's indexes);
 * a migration that changes a column a view reads must drop and recreate the view.
 */
public final class RouteReadModels {

    /**
     * A case's place in the route, one row per case. Columns: {@code id}, {@code household_id}, {@code team_id},
     * {@code status} ({@link CaseStatus}), {@code current_stage} ({@link Stage}), {@code stage_entered_at},
     * {@code opened_at}. Read by privacy.resident (the household's latest case and its step, all cases of the
     * household for the safety mask).
     */
    public static final String CASE_STAGE = view("route_case_stage_view");

    /**
     * {@code route_case_view}: one row per case. Columns: {@code case_id}, {@code household_id},
     * {@code team_id}, {@code wijk_id}, {@code status} ({@link CaseStatus}), {@code current_stage} ({@link Stage}),
     * {@code opened_at}, {@code closed_at}, {@code recurred_within_12_months}, {@code stage_entered_at} (when the
     * case entered its current stage). Read by escalation (stagnation detection), deadline (terms at risk per
     * team and scope) and the dashboard.
     */
    public static final String CASE_VIEW = view("route_case_view");

    /**
     * {@code route_step_history_view}: one row per move of a case between stages. Columns: {@code case_id},
     * {@code to_stage}, {@code moved_at}, {@code back_move} (a move back in the route, decision 0028),
     * {@code actor}. Read by escalation (repeated back-moves) and the dashboard.
     */
    public static final String STEP_HISTORY_VIEW = view("route_step_history_view");

    private RouteReadModels() {
    }

    /**
     * Returns the name as it is: a method call, so the constant is not a compile-time constant. Javac would copy
     * a literal into the reader's class, and Spring Modulith (which reads bytecode) would not see the reader
     * depend on this module.
     */
    private static String view(String name) {
        return name;
    }
}
