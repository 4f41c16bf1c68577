package nl.wijkroute.partner;

/**
 * The partner module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class PartnerReadModels {

    /**
     * An organisation's name and type, one row per organisation. Columns: {@code id}, {@code name}, {@code type}
     * ({@link OrganisationType}). Read by privacy.resident (which organisations are Veilig Thuis, the regisseur's
     * organisation) and privacy.retention (a jeugdhulp organisation puts a household under the Jeugdwet's terms).
     */
    public static final String ORGANISATION_TYPE_VIEW = "partner_organisation_type_view";

    private PartnerReadModels() {
    }
}
