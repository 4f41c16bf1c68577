package nl.wijkroute.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the plan endpoints return. */
public final class PlanViews {

    private PlanViews() {
    }

    public record PlanView(UUID planId, UUID caseId, UUID householdId, Plan.Status status, int version,
                           List<PlanContent.Goal> goals, PlanContent.Agreement agreement, String changedBy,
                           Instant changedAt, String changeNote) {
    }

    public record VersionSummary(int number, String changedBy, Instant changedAt, String changeNote, boolean agreed) {
    }

    /** What changed between two versions, by goal and action id. */
    public record PlanDiff(int from, int to, List<Change> changes) {
    }

    /**
     * @param kind    GOAL_ADDED, GOAL_REMOVED, GOAL_CHANGED, ACTION_ADDED, ACTION_REMOVED, ACTION_CHANGED, AGREEMENT_CHANGED
     * @param field   for *_CHANGED: which field
     */
    public record Change(String kind, UUID goalId, UUID actionId, String field, Object before, Object after) {
    }
}
