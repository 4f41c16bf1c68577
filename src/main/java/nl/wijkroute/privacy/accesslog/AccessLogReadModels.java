package nl.wijkroute.privacy.accesslog;

import nl.wijkroute.system.ReadBy;

/**
 * The privacy.accesslog module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class AccessLogReadModels {

    /**
     * One row per access made under a break-the-glass grant: {@code username, case_id, case_ids, logged_at}
     * ({@code case_ids} lists the cases of a list read). Read by privacy.breakglass (the accesses per grant, for
     * the privacy officer's review).
     */
    @ReadBy("privacy.breakglass")
    public static final String BREAK_GLASS_VIEW = "privacy_accesslog_break_glass_view";

    /**
     * A granted look at data, one row per granted access-log entry, without the user name (the resident sees
     * who looked by role and organisation) and without the hash chain. Columns: {@code id} (chain order),
     * {@code logged_at}, {@code user_role}, {@code organisation}, {@code household_id}, {@code household_ids},
     * {@code case_id}, {@code data_category}, {@code action}, {@code purpose}, {@code break_glass}. Read by
     * privacy.resident (who looked at my data).
     */
    @ReadBy("privacy.resident")
    public static final String GRANTED_ACCESS_VIEW = "privacy_accesslog_granted_access_view";

    private AccessLogReadModels() {
    }
}
