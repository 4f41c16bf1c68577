package nl.wijkroute.route;

/** Process variables shared with {@code bpmn/routekaart.bpmn}; its ids and message names are in {@link RoutekaartIds}. */
public final class RouteVariables {

    public static final String CASE_ID = "caseId";
    public static final String CANDIDATE_GROUP = "candidateGroup";
    /**
     * Who takes the casusregisseur's steps (regie, evaluatie), set by {@link RegieWork} whenever casusregie moves
     * between the team and a partner organisation; absent while regie never left the team (the steps then go to
     * {@link #CANDIDATE_GROUP}).
     */
    public static final String REGIE_GROUP = "regieGroup";
    public static final String NAZORG_PERIOD = "nazorgPeriod";
    public static final String NEXT_EVALUATION_DATE = "nextEvaluationDate";
    /** Transient: why a step was taken; read by the step recorder, never stored as a process variable. */
    public static final String MOVE_REASON = "moveReason";
    /** Transient: set when the token took a flow the BPMN marks as a back-move; read by the step recorder. */
    public static final String BACK_MOVE = "backMove";
    /**
     * The answer to the safety question at plan and evaluatie: SAFE, UNSAFE (someone is not safe: the route
     * goes to veiligheid) or NOT_ASKED (no safety concern on the case); set by safety.SafetyCheckGate.
     */
    public static final String SAFETY_CHECK_RESULT = "safetyCheckResult";
    /** Nazorg of a case with lasting risk (local to the nazorg subprocess): checks repeat until this date. */
    public static final String NAZORG_UNTIL = "nazorgUntil";
    /** Nazorg of a case with lasting risk: the time between two checks (ISO-8601 duration). */
    public static final String NAZORG_CHECK_INTERVAL = "nazorgCheckInterval";
    /** The actor recorded for moves the engine makes by itself (timers). */
    public static final String SYSTEM_ACTOR = "system";

    private RouteVariables() {
    }
}
