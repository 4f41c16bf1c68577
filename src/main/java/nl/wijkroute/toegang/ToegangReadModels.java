package nl.wijkroute.toegang;

/**
 * The read models the toegang module publishes for other modules' SQL (decision 0052/0053): PostgreSQL views
 * created in db/migration, so no other module reads the toegang_request table. Reference the constant in the
 * reader's SQL, so the dependency shows in the module graph.
 */
public final class ToegangReadModels {

    /**
     * A toegang request's law and the plan action it was made for (null: made for the household), one row per
     * request. Columns: {@code id}, {@code case_id}, {@code law} ({@link Law}), {@code plan_action_id}; no
     * provision or decision text. Read by privacy.resident (a term belongs to whom the action's goal belongs).
     */
    public static final String REQUEST_LAW = view("toegang_request_law_view");

    private ToegangReadModels() {
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
