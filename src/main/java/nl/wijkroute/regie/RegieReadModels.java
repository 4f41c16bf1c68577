package nl.wijkroute.regie;

import nl.wijkroute.system.ReadBy;

/**
 * The regie module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class RegieReadModels {


    /**
     * One row per regie assignment: {@code case_id, kind, holder_type, holder, holder_organisation, started_at, ended_at}. Read by the dashboard (one-regisseur, involvement).
     * {@code holder} is a user name for a professional: the dashboard reads it only to count distinct regisseurs and professionals (one-regisseur, involvement), so only the dashboard may read this view.
     */
    @ReadBy("dashboard")
    public static final String ASSIGNMENT_VIEW = "regie_assignment_view";

    /**
     * Who holds the casusregie of a case now, at most one row per case (none once the case is closed). Columns:
     * {@code case_id}, {@code holder_type} (TEAM, PROFESSIONAL, HOUSEHOLD), {@code holder} (team id, user name
     * or household id), {@code holder_organisation} (the team or partner organisation of a professional); no
     * reason text. Read by privacy.resident (the regisseur a member sees).
     */
    @ReadBy("privacy.resident")
    public static final String CURRENT_CASUSREGIE_VIEW = "regie_current_casusregie_view";

    private RegieReadModels() {
    }
}
