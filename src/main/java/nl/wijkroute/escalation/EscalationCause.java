package nl.wijkroute.escalation;

/**
 * Why a case is stuck, from a fixed list that follows the themes of the reflectietool on access to
 * care (seeds 000/002): each cause names exactly one of its nine themes by its Dutch name, or none
 * (decision 0039), so that the reflection sessions show escalations per theme. Safety is not a theme of
 * the tool (the Meldcode is not up for reflection on regelruimte); Heilige huisjes has no cause, because
 * what "nu eenmaal zo is" is what nobody names when escalating a case.
 */
public enum EscalationCause {
    PARTIES_WAIT_FOR_EACH_OTHER("Samenspel"),
    FINANCING_CONFLICT("Slim geld"),
    COLLIDING_LAWS("Wettelijke grensconflicten"),
    COLLIDING_VALUES("Botsende waarden"),
    FORCING_SYSTEMS("Dwingende systemen"),
    NO_FITTING_PROVISION("Regelruimte"),
    HOUSEHOLD_DECLINES("Vakmanschap"),
    SAFETY(null),
    DETECTED_STAGNATION("Heldere werkwijze");

    private final String reflectieThema;

    EscalationCause(String reflectieThema) {
        this.reflectieThema = reflectieThema;
    }

    /** The Dutch name of the reflectietool theme this cause speaks to, or null when none. */
    public String reflectieThema() {
        return reflectieThema;
    }
}
