package nl.wijkroute.assessment;

import nl.wijkroute.system.ReadBy;

/**
 * The assessment module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class AssessmentReadModels {

    /**
     * One row per scored (or unscored) leefgebied cell of a member: {@code case_id, member_id, leefgebied, score, assessed_at, seq}; no notes. Read by the dashboard (self-sufficiency change).
     * Scores per member: the dashboard uses {@code member_id} only to follow one member's cell over time, so only the dashboard may read this view.
     */
    @ReadBy("dashboard")
    public static final String LEEFGEBIED_SCORE_VIEW = "assessment_leefgebied_score_view";

    private AssessmentReadModels() {
    }
}
