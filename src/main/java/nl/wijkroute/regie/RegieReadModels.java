package nl.wijkroute.regie;

/**
 * The regie module's read models for other modules' SQL (issue 19, decision 0052): PostgreSQL views
 * created in Flyway migrations, one constant per view holding its name. Readers reference the constant so
 * the module dependency is visible; the columns are what the readers need, no free text.
 */
public final class RegieReadModels {

    /**
     * One row per regie assignment: {@code case_id, kind, holder_type, holder, holder_organisation, started_at, ended_at}. Read by the dashboard (one-regisseur, involvement).
     */
    public static final String ASSIGNMENT_VIEW = "regie_assignment_view";

    private RegieReadModels() {
    }
}
