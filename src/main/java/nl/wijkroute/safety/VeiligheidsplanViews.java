package nl.wijkroute.safety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and views of the veiligheidsplan, of Veilig Thuis handing a case back, and of the safety summary. */
public final class VeiligheidsplanViews {

    private VeiligheidsplanViews() {
    }

    /** A voorwaarde as written in a request; its id keeps it recognisable across versions (new when absent). */
    public record VoorwaardeInput(UUID id, @NotNull UUID memberId, @NotBlank @Size(max = 1000) String condition,
                                  @NotBlank @Size(max = 1000) String howChecked, @NotBlank @Size(max = 200) String checkedBy) {
    }

    /**
     * The voorwaarden of a new version. A voorwaarde Veilig Thuis set keeps that origin when its id is kept;
     * basedOnVersion is required to change an existing plan (409 when someone changed it in between).
     */
    public record PlanRequest(@Min(1) Integer basedOnVersion,
                              @NotEmpty @Size(max = 100) List<@Valid @NotNull VoorwaardeInput> voorwaarden,
                              @Size(max = 2000) String changeNote) {
    }

    public record AgreementRequest(@NotNull @Min(1) Integer basedOnVersion,
                                   @NotNull @PastOrPresent Instant agreedAt,
                                   @NotEmpty @Size(max = 20) List<VeiligheidsplanContent.@Valid @NotNull Party> agreedBy) {
    }

    /** What Veilig Thuis hands back: its voorwaarden (they join the veiligheidsplan) and a short account. */
    public record HandBackRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull VoorwaardeInput> voorwaarden,
                                  // The change note is "Veilig Thuis draagt terug: " (27) + note, in a varchar(2000).
                                  @NotBlank @Size(max = 1973) String note) {
    }

    public record PlanView(UUID planId, UUID caseId, int version, List<VeiligheidsplanContent.Voorwaarde> voorwaarden,
                           VeiligheidsplanContent.Agreement agreement, String changedBy, Instant changedAt, String changeNote) {
    }

    public record VersionSummary(int version, String changedBy, Instant changedAt, String changeNote, boolean agreed) {
    }

    /** What a partner may know of a case's safety: that a veiligheidsplan exists, not what it says. */
    public record SafetySummary(UUID caseId, boolean veiligheidsplanExists) {
    }
}
