package nl.wijkroute.toegang;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.deadline.DeadlineView;
import nl.wijkroute.toeleiding.ToeleidingTraceView;

/** Requests and views of the toegang endpoints. */
public final class ToegangDtos {

    private ToegangDtos() {
    }

    /**
     * @param receivedOn  the day the melding (Wmo) or aanvraag / hulpvraag was received: the term starts the day after
     * @param urgent      Wgs only: eviction or cut-off of energy or water threatens (3 working days)
     */
    public record ToegangRequestInput(
            @NotNull Law law,
            @NotBlank @Size(max = 200) String provision,
            UUID planActionId,
            @NotNull @PastOrPresent LocalDate receivedOn,
            Boolean urgent) {

        public boolean isUrgent() {
            return Boolean.TRUE.equals(urgent);
        }
    }

    /** Wmo: the onderzoek is done and the aanvraag was received on this day; the beschikking term starts. */
    public record OnderzoekDone(@NotNull @PastOrPresent LocalDate aanvraagReceivedOn, @Size(max = 4000) String summary) {
    }

    /**
     * @param clientondersteuningOffered required with a (partial) refusal: was independent cliëntondersteuning offered
     * @param grantedFrom                required with a (partial) grant: the first day of the grant
     * @param grantedUntil               required with a (partial) grant: its last day; the herindicatie comes before it
     * @param sentOn                     the day the decision was sent (bekendgemaakt); today when left out
     */
    public record DecisionInput(
            @NotNull ToegangRequest.Outcome outcome,
            @Size(max = 200) String grantedProvision,
            @Size(max = 2000) String reason,
            Boolean clientondersteuningOffered,
            LocalDate grantedFrom,
            LocalDate grantedUntil,
            @PastOrPresent LocalDate sentOn) {
    }

    /**
     * @param receivedOn        the day the bezwaarschrift was received
     * @param advisoryCommittee an advisory committee (Awb 7:13) hears the bezwaar: twelve weeks instead of six
     */
    public record BezwaarInput(@NotNull @PastOrPresent LocalDate receivedOn, @NotNull Boolean advisoryCommittee) {
    }

    /**
     * @param revisedOutcome only with GEGROND: the decision that replaces the contested one (Awb 7:11 lid 2)
     */
    public record BezwaarDecisionInput(
            @NotNull Bezwaar.Outcome outcome,
            @Size(max = 2000) String reason,
            ToegangRequest.Outcome revisedOutcome,
            @Size(max = 200) String grantedProvision,
            LocalDate grantedFrom,
            LocalDate grantedUntil) {
    }

    public record ExtendInput(@Size(max = 2000) String reason) {
    }

    public record BezwaarView(UUID id, UUID toegangRequestId, UUID caseId, Law law, LocalDate receivedOn, boolean timely,
                              boolean advisoryCommittee, ToegangRequest.Outcome originalOutcome, Bezwaar.Outcome outcome,
                              String outcomeReason, String decidedBy, Instant decidedAt, String recordedBy,
                              Instant recordedAt, List<DeadlineView> deadlines) {
    }

    public record SuspendInput(@NotNull @PastOrPresent LocalDate since, @Size(max = 2000) String reason) {
    }

    public record ResumeInput(@NotNull @PastOrPresent LocalDate on) {
    }

    /**
     * @param toeleiding what the toeleiding recorded before this request (connected to whom, voorliggend veld
     *                   used or not), oldest first; empty when the case never passed the short route
     */
    public record ToegangView(UUID id, UUID caseId, UUID planActionId, Law law, String provision, boolean urgent,
                              LocalDate receivedOn, ToegangRequest.Phase phase, ToegangRequest.Outcome outcome,
                              String grantedProvision, String decisionReason, String decidedBy, Instant decidedAt,
                              Boolean clientondersteuningOffered, LocalDate decisionSentOn, LocalDate bezwaarTermEndsOn,
                              LocalDate grantedFrom, LocalDate grantedUntil, LocalDate herindicatieOn,
                              Instant herindicatieDoneAt, String requestedBy, Instant requestedAt,
                              List<DeadlineView> deadlines,
                              List<ToeleidingTraceView> toeleiding) {
    }
}
