package nl.wijkroute.deadline;

/**
 * The deadline module's read models for other modules' SQL (issue 19, decision 0052): PostgreSQL views
 * created in Flyway migrations, one constant per view holding its name. Readers reference the constant so
 * the module dependency is visible; the columns are what the readers need, no free text.
 */
public final class DeadlineReadModels {

    /**
     * One row per legal term: {@code deadline_id, case_id, toegang_request_id, due_on, status, breached, suspended_days}. Read by the dashboard (deadline compliance, suspended terms, business gauges).
     */
    public static final String LEGAL_TERM_VIEW = "deadline_legal_term_view";

    /**
     * One row per suspension of a legal term: {@code deadline_id}. Read by the dashboard (suspended terms).
     */
    public static final String SUSPENSION_VIEW = "deadline_suspension_view";

    private DeadlineReadModels() {
    }
}
