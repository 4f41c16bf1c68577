package nl.wijkroute.safety;

/** The five steps of the Meldcode huiselijk geweld en kindermishandeling (2019), in their order. */
public enum MeldcodeStep {
    /** 1. Signalen in kaart brengen. */
    SIGNALEN(1),
    /** 2. Collegiale consultatie en zo nodig advies van Veilig Thuis. */
    CONSULTATIE(2),
    /** 3. Gesprek met de betrokkene(n). */
    GESPREK(3),
    /** 4. Wegen met het afwegingskader. */
    AFWEGING(4),
    /** 5. Beslissen: melden bij Veilig Thuis en/of hulp organiseren. */
    BESLISSEN(5);

    private final int number;

    MeldcodeStep(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
