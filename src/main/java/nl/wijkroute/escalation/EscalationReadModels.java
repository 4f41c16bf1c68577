package nl.wijkroute.escalation;

import nl.wijkroute.system.ReadBy;

/**
 * The escalation module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class EscalationReadModels {


    /**
     * One row per escalation: {@code case_id, cause, status, raised_at, doorbraak} (whether the casusoverleg reached one), {@code casusoverleg_at, payer_named} (whether the doorbraak named a temporary payer). Read by the dashboard (escalations, doorbraak payers, business gauges).
     */
    public static final String ESCALATION_VIEW = "escalation_escalation_view";

    /**
     * One row per escalation: {@code case_id, status, procesregisseur} (a user name). Read by privacy.access
     * (a procesregisseur's scope).
     */
    @ReadBy("privacy.access")
    public static final String INVOLVEMENT_VIEW = "escalation_involvement_view";

    private EscalationReadModels() {
    }
}
