package nl.wijkroute.privacy.breakglass;

import nl.wijkroute.system.ReadBy;

/**
 * The privacy.breakglass module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class BreakGlassReadModels {

    /**
     * One row per break-the-glass grant: {@code case_id, username, granted_at, expires_at}, without its
     * reason. Read by privacy.access (a grant that has not expired opens the case).
     */
    @ReadBy("privacy.access")
    public static final String GRANT_VIEW = "privacy_breakglass_grant_view";

    private BreakGlassReadModels() {
    }
}
