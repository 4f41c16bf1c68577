package nl.wijkroute.escalation;

/**
 * The escalation module's read models for other modules' SQL (decision 0052): PostgreSQL views created in
 * Flyway migrations, one constant per view holding its name. The columns are what the readers need, no free text.
 */
public final class EscalationReadModels {

    /**
     * One row per escalation: {@code case_id, status, procesregisseur} (a user name). Read by privacy.access
     * (a procesregisseur's scope).
     */
    public static final String INVOLVEMENT_VIEW = "escalation_involvement_view";

    private EscalationReadModels() {
    }
}
