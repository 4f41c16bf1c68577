package nl.wijkroute.triage;

/** The route choice at triage; each value is a gateway condition in the BPMN. */
public enum TriageRoute {
    /** No help needed or advice given: "durf ook niets te doen". */
    CLOSE_NO_HELP,
    /** Acute safety concern: Veilig Thuis / crisis before anything else. */
    SAFETY_FIRST,
    /** One clear question: toeleiding to a voorziening or partner with a light plan. */
    SHORT_ROUTE,
    /** Multiple problems: vraagverheldering across all leefgebieden. */
    FULL_ROUTE
}
