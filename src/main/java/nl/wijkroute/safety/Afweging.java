package nl.wijkroute.safety;

import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.Set;
import nl.wijkroute.system.problem.InvalidInputException;

/**
 * Step 4: the meldcode's afwegingskader, its five questions asked in order. An answer that settles the
 * decision makes the later questions moot; those stay null.
 *
 * @param suspicion              1. is there, after steps 1–3, a suspicion of huiselijk geweld or kindermishandeling?
 * @param acuteOrStructuralUnsafety 2. is there acute or structural unsafety (or disproportionate violence)?
 * @param canOfferEffectiveHelp  3. can I (we) offer or organise effective help?
 * @param helpAccepted           4. do those involved accept the help and will they cooperate?
 * @param helpLeadsToSafety      5. does the help lead, within the needed time, to lasting safety and well-being?
 */
public record Afweging(@NotNull Boolean suspicion, Boolean acuteOrStructuralUnsafety, Boolean canOfferEffectiveHelp,
                       Boolean helpAccepted, Boolean helpLeadsToSafety) {

    /** Checks that every question the earlier answers did not settle is answered, naming the first one missing. */
    void requireComplete(String prefix) {
        if (!suspicion) {
            return;
        }
        require(acuteOrStructuralUnsafety, prefix + "acuteOrStructuralUnsafety");
        if (acuteOrStructuralUnsafety) {
            return;
        }
        require(canOfferEffectiveHelp, prefix + "canOfferEffectiveHelp");
        if (!canOfferEffectiveHelp) {
            return;
        }
        require(helpAccepted, prefix + "helpAccepted");
        if (!helpAccepted) {
            return;
        }
        require(helpLeadsToSafety, prefix + "helpLeadsToSafety");
    }

    /**
     * The decisions the afwegingskader leaves open. Without a suspicion the meldcode ends (no melding);
     * acute or structural unsafety, or help that cannot be given, is not accepted or will not make
     * everyone safe, makes melden at Veilig Thuis obligatory; otherwise hulp organiseren suffices, and
     * melden stays allowed (meldrecht).
     */
    Set<MeldcodeDecision> allowedDecisions() {
        if (!suspicion) {
            return EnumSet.of(MeldcodeDecision.GEEN, MeldcodeDecision.HULP_ORGANISEREN);
        }
        boolean meldplicht = acuteOrStructuralUnsafety || !canOfferEffectiveHelp || !helpAccepted || !helpLeadsToSafety;
        return meldplicht
                ? EnumSet.of(MeldcodeDecision.MELDEN, MeldcodeDecision.MELDEN_EN_HULP)
                : EnumSet.of(MeldcodeDecision.HULP_ORGANISEREN, MeldcodeDecision.MELDEN, MeldcodeDecision.MELDEN_EN_HULP);
    }

    private static void require(Boolean answer, String field) {
        if (answer == null) {
            throw new InvalidInputException(field, "Deze vraag van het afwegingskader is nog niet beantwoord.");
        }
    }
}
