package nl.wijkroute.assessment;

/**
 * The 1–5 scale of the zelfredzaamheidsmatrix, used per member and leefgebied. The number is stored;
 * the meaning is returned with it so nobody has to remember the scale.
 */
public enum SelfSufficiency {
    ACUTE_PROBLEMATIEK(1, "Acute problematiek"),
    NIET_ZELFREDZAAM(2, "Niet zelfredzaam"),
    BEPERKT_ZELFREDZAAM(3, "Beperkt zelfredzaam"),
    VOLDOENDE_ZELFREDZAAM(4, "Voldoende zelfredzaam"),
    VOLLEDIG_ZELFREDZAAM(5, "Volledig zelfredzaam");

    private final int score;
    private final String meaning;

    SelfSufficiency(int score, String meaning) {
        this.score = score;
        this.meaning = meaning;
    }

    public static SelfSufficiency of(int score) {
        for (SelfSufficiency value : values()) {
            if (value.score == score) {
                return value;
            }
        }
        throw new IllegalArgumentException("Score outside 1-5: " + score);
    }

    public int score() {
        return score;
    }

    public String meaning() {
        return meaning;
    }
}
