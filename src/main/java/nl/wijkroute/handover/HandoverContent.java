package nl.wijkroute.handover;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/** The parts of a warme overdracht that are stored as JSON: the household's consent and what is shared. */
public final class HandoverContent {

    private HandoverContent() {
    }

    public enum Basis { CONSENT, LEGAL_GROUND }

    public enum ConsentForm { IN_GESPREK, TELEFONISCH, SCHRIFTELIJK }

    /**
     * What the household agreed may be shared with the receiver, or the legal ground for sharing.
     *
     * @param leefgebieden the leefgebieden whose assessments and plan goals may be shared
     */
    public record Consent(
            @NotNull Basis basis,
            @Size(max = 200) String legalGround,
            @Size(max = 200) String givenBy,
            @PastOrPresent Instant givenAt,
            ConsentForm form,
            @NotNull @Size(max = 15) Set<@NotNull Leefgebied> leefgebieden) {
    }

    /** The story the resident does not have to tell again, limited to what the consent covers. */
    public record Summary(String realQuestion, String note, List<SharedAssessment> assessments, List<SharedGoal> goals,
                          List<SharedSignal> signals) {
    }

    /** A signal that brought the household in; shared only when the consent covers all its leefgebieden. */
    public record SharedSignal(Instant receivedAt, String sourceType, String urgency, Set<Leefgebied> leefgebieden,
                               String description) {
    }

    public record SharedAssessment(String member, Leefgebied leefgebied, int score, String scoreMeaning, String ownWords,
                                   String strengths, String network) {
    }

    public record SharedGoal(UUID id, Leefgebied leefgebied, String description, String result, LocalDate targetDate,
                             List<SharedAction> actions) {
    }

    public record SharedAction(UUID id, String description, String ownerType, String organisationId, String status) {
    }
}
