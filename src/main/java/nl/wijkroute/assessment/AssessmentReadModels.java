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
     * One row per member's scored leefgebied cell: {@code case_id, leefgebied, first_score, latest_score, latest_at,
     * scores} (first and latest by the order of recording, {@code latest_at} the time of the latest score, {@code scores}
     * how many), {@code team_id, wijk_id} (copies of the case's, V76, decision 0066), {@code earlier_at} (for a
     * re-scored cell the {@code latest_at} of its case's re-scored cell of the leefgebied just before it, V76); no member,
     * no notes. Kept by a
     * trigger on the scores (V68, decision 0062). Read by the dashboard
     * (self-sufficiency change). Scores per member cell: only the dashboard may read this view.
     */
    @ReadBy("dashboard")
    public static final String LEEFGEBIED_CELL_VIEW = "assessment_leefgebied_cell_view";

    private AssessmentReadModels() {
    }
}
