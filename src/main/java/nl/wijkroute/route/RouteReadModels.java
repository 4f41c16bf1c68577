package nl.wijkroute.route;

/**
 * The read models the route module publishes for other modules' SQL (decision 0052/0053): PostgreSQL views
 * created in db/migration, so no other module reads the support_case table. Reference the constant in the
 * reader's SQL, so the dependency shows in the module graph.
 */
public final class RouteReadModels {

    /**
     * A case's place in the route, one row per case. Columns: {@code id}, {@code household_id}, {@code team_id},
     * {@code status} ({@link CaseStatus}), {@code current_stage} ({@link Stage}), {@code stage_entered_at},
     * {@code opened_at}. Read by privacy.resident (the household's latest case and its step, all cases of the
     * household for the safety mask).
     */
    public static final String CASE_STAGE = view("route_case_stage_view");

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
