package nl.wijkroute.route;

/**
 * Where a case stands on the routekaart. The BPMN marks the flow nodes that are stages with an
 * extension property {@code stage}; entering such a node moves the case (see {@code StageParseListener}).
 * The order between stages lives only in {@code bpmn/routekaart.bpmn}.
 */
public enum Stage {
    SIGNALEREN(CaseStatus.OPEN),
    TRIAGE(CaseStatus.OPEN),
    VEILIGHEID(CaseStatus.OPEN),
    TOELEIDING(CaseStatus.OPEN),
    VRAAGVERHELDERING(CaseStatus.OPEN),
    PLAN(CaseStatus.OPEN),
    REGIE(CaseStatus.OPEN),
    EVALUATIE(CaseStatus.OPEN),
    /** Support has ended; the engine waits for the "vinger aan de pols" moment. */
    NAZORG(CaseStatus.NAZORG),
    NAZORG_CONTROLE(CaseStatus.NAZORG),
    AFGESLOTEN(CaseStatus.CLOSED);

    /**
     * Not a stage: the one name shown instead of VEILIGHEID to whoever may not learn that safety is at stake —
     * roles without safety read (decision 0048) and, for the whole support phase, the household (decision 0049).
     */
    public static final String NEUTRAL_SUPPORT_NAME = "ONDERSTEUNING";

    private final CaseStatus status;

    Stage(CaseStatus status) {
        this.status = status;
    }

    /** The case status a stage implies; a copy kept on the case row for queries and the uniqueness rule. */
    public CaseStatus status() {
        return status;
    }
}
