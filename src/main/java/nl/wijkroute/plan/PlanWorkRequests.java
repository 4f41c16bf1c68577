package nl.wijkroute.plan;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/** What partners and the casusregisseur send to work in the plan (decision 0043). */
public final class PlanWorkRequests {

    private PlanWorkRequests() {
    }

    /**
     * A new status of an action: PLANNED → IN_PROGRESS (started) → DONE, or CANCELLED (stopped, with a reason).
     *
     * @param basedOnRevision the action's status revision the sender saw (0 before any report); a stale one gets 409
     */
    public record ActionStatusRequest(@NotNull PlanContent.ActionStatus status, @NotNull @Min(0) Integer basedOnRevision,
                                @Size(max = 2000) String reason) {
    }

    /** A dated progress note: what happened on the action, on which day. */
    public record ProgressNoteRequest(@NotNull @PastOrPresent LocalDate date, @NotBlank @Size(max = 4000) String text) {
    }

    /**
     * A proposed change of the plan's content. NEW_GOAL: leefgebied, goalDescription, goalResult,
     * targetDate (and optionally a first action); NEW_ACTION: goalId and the action; TARGET_DATE: goalId
     * and targetDate. An action proposed with ownerType PARTNER is the proposing organisation's own.
     */
    public record PlanProposalRequest(
            @NotNull PlanChangeProposal.Kind kind,
            UUID goalId,
            Leefgebied leefgebied,
            UUID memberId,
            @Size(max = 2000) String goalDescription,
            @Size(max = 2000) String goalResult,
            @FutureOrPresent LocalDate targetDate,
            @Size(max = 2000) String actionDescription,
            PlanContent.OwnerType actionOwnerType,
            @Size(max = 100) String actionProfessional,
            @Size(max = 2000) String motivation) {
    }

    /** The casusregisseur takes a proposal into a new version on top of the version they saw. */
    public record ProposalAcceptRequest(@NotNull @Min(1) Integer basedOnVersion) {
    }

    public record ProposalDeclineRequest(@NotBlank @Size(max = 2000) String reason) {
    }
}
