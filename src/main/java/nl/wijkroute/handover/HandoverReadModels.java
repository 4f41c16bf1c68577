package nl.wijkroute.handover;

import nl.wijkroute.system.ReadBy;

/**
 * The handover module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class HandoverReadModels {


    /**
     * One row per warme overdracht: {@code case_id, status, created_at, decided_at, sender, decided_by, receiver_organisation} (professionals' and organisation ids). Read by the dashboard (handovers, involvement).
     * {@code sender} and {@code decided_by} are user names: the dashboard reads them only to count distinct professionals (involvement), so only the dashboard may read this view.
     */
    @ReadBy("dashboard")
    public static final String HANDOVER_VIEW = "handover_handover_view";

    /**
     * One row per warme overdracht: {@code case_id, receiver_organisation, status, consent_leefgebieden} (the
     * JSON array of leefgebied names the household consented to share). Read by privacy.access (a partner's
     * involvement and consent limits).
     */
    public static final String INVOLVEMENT_VIEW = "handover_involvement_view";

    private HandoverReadModels() {
    }
}
