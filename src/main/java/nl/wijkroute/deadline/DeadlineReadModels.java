package nl.wijkroute.deadline;

/**
 * The read models the deadline module publishes for other modules' SQL (decision 0052/0053): PostgreSQL views
 * created in db/migration, so no other module reads the legal_deadline table. Reference the constant in the
 * reader's SQL, so the dependency shows in the module graph.
 */
public final class DeadlineReadModels {

    /**
     * A legal term not yet met (status other than MET), one row per term. Columns: {@code id}, {@code case_id},
     * {@code toegang_request_id}, {@code legal_basis}, {@code due_on}, {@code status}. Read by privacy.resident
     * (the open terms a member sees).
     */
    public static final String OPEN_TERM = view("deadline_open_term_view");

    private DeadlineReadModels() {
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
