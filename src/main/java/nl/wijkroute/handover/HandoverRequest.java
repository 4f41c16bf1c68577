package nl.wijkroute.handover;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Proposing a warme overdracht.
 *
 * @param scope          the casusregie, or named plan actions ({@code actionIds})
 * @param jointMeetingAt an optional "samen aan tafel" moment with household, sender and receiver
 */
public record HandoverRequest(
        @NotNull Handover.Scope scope,
        @Size(max = 30) List<@NotNull UUID> actionIds,
        @NotBlank @Size(max = 64) String receiverOrganisation,
        @Size(max = 100) String receiverProfessional,
        @Size(max = 4000) String note,
        @NotNull @Valid HandoverContent.Consent consent,
        @Future Instant jointMeetingAt) {
}
