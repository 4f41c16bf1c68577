package nl.wijkroute.regie;

/**
 * The read models the regie module publishes for other modules' SQL (decision 0052/0053): PostgreSQL views
 * created in db/migration, so no other module reads the regie_assignment table. Reference the constant in the
 * reader's SQL, so the dependency shows in the module graph.
 */
public final class RegieReadModels {

    /**
     * Who holds the casusregie of a case now, at most one row per case (none once the case is closed). Columns:
     * {@code case_id}, {@code holder_type} (TEAM, PROFESSIONAL, HOUSEHOLD), {@code holder} (team id, user name
     * or household id), {@code holder_organisation} (the team or partner organisation of a professional); no
     * reason text. Read by privacy.resident (the regisseur a member sees).
     */
    public static final String CURRENT_CASUSREGIE = view("regie_current_casusregie_view");

    private RegieReadModels() {
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
