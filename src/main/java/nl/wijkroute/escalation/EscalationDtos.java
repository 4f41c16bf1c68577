package nl.wijkroute.escalation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Requests and views of the escalation endpoints. */
public final class EscalationDtos {

    private EscalationDtos() {
    }

    public record RaiseInput(@NotNull EscalationCause cause, @NotBlank @Size(max = 4000) String description) {
    }

    /**
     * @param payer "gemeente" or an organisation id: who pays for now while responsibility is sorted out
     */
    public record DoorbraakInput(
            @NotNull @PastOrPresent Instant casusoverlegAt,
            @NotEmpty @Size(max = 20) List<@NotBlank String> participants,
            @NotBlank @Size(max = 4000) String decision,
            @Size(max = 64) String payer,
            @FutureOrPresent LocalDate payUntil,
            @NotNull @Future LocalDate followUpBefore,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid ActionInput> actions) {
    }

    public record ActionInput(@NotBlank @Size(max = 2000) String description, @NotBlank @Size(max = 64) String organisationId,
                              @NotNull @FutureOrPresent LocalDate dueOn) {
    }

    public record DeescalateInput(@NotBlank @Size(max = 2000) String note) {
    }

    public record ActionView(UUID id, String description, String organisationId, LocalDate dueOn, LocalDate doneOn) {
    }

    public record EscalationView(UUID id, UUID caseId, EscalationCause cause, String reflectieThema, String description,
                                 Escalation.Source source, UUID stagnationSignal, String raisedBy, Instant raisedAt,
                                 Escalation.Status status, String procesregisseur, Instant takenAt,
                                 Escalation.Doorbraak doorbraak, List<ActionView> actions, Instant deescalatedAt,
                                 String deescalationNote) {
    }
}
