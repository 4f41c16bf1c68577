package nl.wijkroute.privacy.resident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
}
