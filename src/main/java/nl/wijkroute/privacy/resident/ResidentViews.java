package nl.wijkroute.privacy.resident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a resident sees of their own household: plain Dutch, no internal ids they do not need. */
public final class ResidentViews {

    private ResidentViews() {
    }

    public record Overview(String household, Step step, Regisseur regisseur, List<Deadline> openDeadlines) {
    }

    public record Step(String stage, String explanation, Instant since, String status) {
    }

    /** Who holds the regie and how to reach them; for eigen regie the household itself. */
    public record Regisseur(String holderType, String name, String organisation, String phone, String email) {
    }

    public record Deadline(String law, String legalBasis, LocalDate dueOn, String status) {
    }

    /** One look at the household's data: which role of which organisation, when, what and why. */
    public record Access(Instant at, String role, String organisation, String category, String action, String purpose,
                         boolean breakGlass) {
    }

    /**
     * The team's decision on a case with a safety concern (decision 0049).
     *
     * @param safeToShow true: the members see the veiligheid goals, Veilig Thuis and the safety log entries again; false: hidden (again)
     * @param reason     why, for the trail (required)
     */
    public record DisclosureRequest(@NotNull Boolean safeToShow, @NotBlank @Size(max = 2000) String reason) {
    }

    public record Disclosure(UUID caseId, boolean safeToShow, String reason, String decidedBy, Instant decidedAt) {
    }
}
