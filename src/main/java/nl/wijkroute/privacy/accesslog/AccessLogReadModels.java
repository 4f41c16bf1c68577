package nl.wijkroute.privacy.accesslog;

/**
 * The read models the access log publishes for other modules' SQL (decision 0052/0053): PostgreSQL views created
 * in db/migration, so no other module reads the access_log table. Reference the constant in the reader's SQL,
 * so the dependency shows in the module graph.
 */
public final class AccessLogReadModels {

    /**
     * A granted look at data, one row per granted access-log entry, without the user name (the resident sees
     * who looked by role and organisation) and without the hash chain. Columns: {@code id} (chain order),
     * {@code logged_at}, {@code user_role}, {@code organisation}, {@code household_id}, {@code household_ids},
     * {@code case_id}, {@code data_category}, {@code action}, {@code purpose}, {@code break_glass}. Read by
     * privacy.resident (who looked at my data).
     */
    public static final String GRANTED_ACCESS = view("privacy_accesslog_granted_access_view");

    private AccessLogReadModels() {
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
