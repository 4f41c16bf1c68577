package nl.wijkroute.partner;

/**
 * The partner module's read models for other modules' SQL (decision 0052): PostgreSQL views created in
 * Flyway migrations, one constant per view holding its name. The columns are what the readers need, no free text.
 */
public final class PartnerReadModels {

    /**
     * One row per organisation of the register: {@code id, type}. Read by privacy.retention (a jeugdhulp
     * organisation puts a household under the Jeugdwet's terms).
     */
    public static final String ORGANISATION_TYPE_VIEW = "partner_organisation_type_view";

    private PartnerReadModels() {
    }
}
