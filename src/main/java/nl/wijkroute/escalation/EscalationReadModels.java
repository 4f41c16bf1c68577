package nl.wijkroute.escalation;

/**
 * The escalation module's read models for other modules' SQL (issue 19, decision 0052): PostgreSQL views
 * created in Flyway migrations, one constant per view holding its name. Readers reference the constant so
 * the module dependency is visible; the columns are what the readers need, no free text.
 */
public final class EscalationReadModels {

    /**
     * One row per escalation: {@code case_id, cause, status, raised_at, doorbraak} (whether the casusoverleg reached one), {@code casusoverleg_at, payer_named} (whether the doorbraak named a temporary payer). Read by the dashboard (escalations, doorbraak payers, business gauges).
     */
    public static final String ESCALATION_VIEW = "escalation_escalation_view";

    private EscalationReadModels() {
    }
}
