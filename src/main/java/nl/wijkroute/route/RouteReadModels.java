package nl.wijkroute.route;

/**
 * The route module's read models for other modules' SQL (decision 0052): PostgreSQL views created in
 * Flyway migrations, one constant per view holding its name. The columns are what the readers need, no free text.
 */
public final class RouteReadModels {

    /**
     * One row per case: {@code id, household_id, team_id, current_stage, status, opened_at, closed_at}. Read by
     * privacy.access (the scope condition on {@code c}), privacy.breakglass and privacy.retention (a household's cases).
     */
    public static final String CASE_SCOPE_VIEW = "route_case_scope_view";

    private RouteReadModels() {
    }
}
