package nl.wijkroute.escalation;

/**
 * Why a case is stuck, from a fixed list that follows the themes of the reflectietool on access to
 * care (seeds 000/002): the theme is kept so that escalations can be discussed per theme later.
 */
public enum EscalationCause {
    PARTIES_WAIT_FOR_EACH_OTHER("Samenspel"),
    FINANCING_CONFLICT("Slim geld"),
    COLLIDING_LAWS("Wettelijke grensconflicten"),
    COLLIDING_VALUES("Botsende waarden"),
    FORCING_SYSTEMS("Dwingende systemen"),
    NO_FITTING_PROVISION("Regelruimte"),
    HOUSEHOLD_DECLINES("Vakmanschap"),
    SAFETY("Veiligheid (Meldcode)"),
    DETECTED_STAGNATION("Heldere werkwijze");

    private final String reflectieThema;

    EscalationCause(String reflectieThema) {
        this.reflectieThema = reflectieThema;
    }

    public String reflectieThema() {
        return reflectieThema;
    }
}
