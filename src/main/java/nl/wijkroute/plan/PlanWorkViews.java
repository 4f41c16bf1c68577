package nl.wijkroute.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/** What the endpoints of partners' work in the plan return. */
public final class PlanWorkViews {

    private PlanWorkViews() {
    }

    /**
     * One action of the current plan with its live status and its history (status changes and dated notes,
     * oldest first). {@code revision} is what the next status change builds on.
     */
    public record PlanActionView(UUID planId, int planVersion, UUID goalId, UUID actionId, String description,
                             PlanContent.OwnerType ownerType, String organisationId, String professional,
                             PlanContent.ActionStatus status, String stopReason, int revision, List<PlanActionEventView> history) {
    }

    /** A status change (from, to, reason when stopped) or a progress note (date, text). */
    public record PlanActionEventView(String kind, PlanContent.ActionStatus from, PlanContent.ActionStatus to, LocalDate date,
                            String text, String author, String organisationId, Instant recordedAt) {
    }

    public record PlanProposalView(UUID id, String kind, String status, String organisationId, String proposedBy,
                               Instant proposedAt, int basedOnVersion, UUID goalId, Leefgebied leefgebied, UUID memberId,
                               String goalDescription, String goalResult, LocalDate targetDate, String actionDescription,
                               PlanContent.OwnerType actionOwnerType, String actionProfessional, String motivation,
                               String decidedBy, Instant decidedAt, String declineReason, Integer acceptedInVersion) {
    }
}
