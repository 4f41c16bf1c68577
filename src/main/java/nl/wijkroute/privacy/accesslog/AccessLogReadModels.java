package nl.wijkroute.privacy.accesslog;

/**
 * The privacy.accesslog module's read models for other modules' SQL (decision 0052): PostgreSQL views created in
 * Flyway migrations, one constant per view holding its name. The columns are what the readers need.
 */
public final class AccessLogReadModels {

    /**
     * One row per access made under a break-the-glass grant: {@code username, case_id, case_ids, logged_at}
     * ({@code case_ids} lists the cases of a list read). Read by privacy.breakglass (the accesses per grant, for
     * the privacy officer's review).
     */
    public static final String BREAK_GLASS_VIEW = "privacy_accesslog_break_glass_view";

    private AccessLogReadModels() {
    }
}
