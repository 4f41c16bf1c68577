package nl.wijkroute.privacy.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Requests and views of the erasure request endpoints. */
public final class ErasureDtos {

    private ErasureDtos() {
    }

    public record NewErasureRequest(@NotNull UUID householdId, @NotNull @PastOrPresent LocalDate receivedOn,
                                    @NotNull ErasureRequest.Channel channel) {
    }

    public enum Outcome {
        GRANTED(ErasureRequest.Status.GRANTED),
        PARTLY_GRANTED(ErasureRequest.Status.PARTLY_GRANTED),
        REFUSED(ErasureRequest.Status.REFUSED);

        private final ErasureRequest.Status status;

        Outcome(ErasureRequest.Status status) {
            this.status = status;
        }

        ErasureRequest.Status status() {
            return status;
        }
    }

    /**
     * @param legalException  the ground of AVG art. 17(3) that keeps data; required unless GRANTED, absent when GRANTED
     * @param explanation     why, for the answer to the resident; names no one and quotes nothing from the case file
     * @param expectedVersion the version the officer decided on
     */
    @ConsistentDecision
    @Schema(name = "ErasureDecisionInput") // toegang has a DecisionInput too
    public record DecisionInput(@NotNull Outcome outcome, ErasureRequest.LegalException legalException,
                                @NotBlank @Size(max = 4000) String explanation, @NotNull @PositiveOrZero Long expectedVersion) {
    }

    public record ErasureRequestView(UUID id, UUID householdId, LocalDate receivedOn, LocalDate answerDueOn,
                                     ErasureRequest.Channel channel, ErasureRequest.Status status,
                                     ErasureRequest.LegalException legalException, String explanation,
                                     ErasureRequest.ErasedScope erasedScope, String registeredBy, Instant registeredAt,
                                     String decidedBy, Instant decidedAt, Instant executedAt, long version) {
    }
}
