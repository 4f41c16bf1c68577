package nl.wijkroute.safety;

/** Step 5 of the meldcode: melden bij Veilig Thuis, hulp organiseren, both, or neither (with a reason). */
public enum MeldcodeDecision {
    MELDEN, HULP_ORGANISEREN, MELDEN_EN_HULP, GEEN;

    boolean includesMelden() {
        return this == MELDEN || this == MELDEN_EN_HULP;
    }
}
