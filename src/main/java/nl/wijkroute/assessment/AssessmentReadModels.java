package nl.wijkroute.assessment;

/**
 * The assessment module's read models for other modules' SQL (issue 19, decision 0052): PostgreSQL views
 * created in Flyway migrations, one constant per view holding its name. Readers reference the constant so
 * the module dependency is visible; the columns are what the readers need, no free text.
 */
public final class AssessmentReadModels {

    /**
     * One row per scored (or unscored) leefgebied cell of a member: {@code case_id, member_id, leefgebied, score, assessed_at, seq}; no notes. Read by the dashboard (self-sufficiency change).
     */
    public static final String LEEFGEBIED_SCORE_VIEW = "assessment_leefgebied_score_view";

    private AssessmentReadModels() {
    }
}
