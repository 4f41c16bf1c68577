package nl.wijkroute.partner;

/**
 * The read models the partner module publishes for other modules' SQL (decision 0052/0053): PostgreSQL views
 * created in db/migration, so no other module reads the organisation table. Reference the constant in the
 * reader's SQL, so the dependency shows in the module graph.
 */
public final class PartnerReadModels {

    /**
     * An organisation's name and type, one row per organisation. Columns: {@code id}, {@code name}, {@code type}
     * ({@link OrganisationType}). Read by privacy.resident (which organisations are Veilig Thuis, the regisseur's
     * organisation).
     */
    public static final String ORGANISATION_TYPE = view("partner_organisation_type_view");

    private PartnerReadModels() {
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
