package nl.wijkroute.deadline;

/**
 * The deadline module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class DeadlineReadModels {


    /**
     * One row per legal term: {@code deadline_id, case_id, toegang_request_id, due_on, status, breached, suspended_days}. Read by the dashboard (deadline compliance, suspended terms, business gauges).
     */
    public static final String LEGAL_TERM_VIEW = "deadline_legal_term_view";

    /**
     * A legal term not yet met (status other than MET), one row per term. Columns: {@code id}, {@code case_id},
     * {@code toegang_request_id}, {@code legal_basis}, {@code due_on}, {@code status}. Read by privacy.resident
     * (the open terms a member sees).
     */
    public static final String OPEN_TERM_VIEW = "deadline_open_term_view";

    /**
     * One row per suspension of a legal term: {@code deadline_id}. Read by the dashboard (suspended terms).
     */
    public static final String SUSPENSION_VIEW = "deadline_suspension_view";

    private DeadlineReadModels() {
    }
}
