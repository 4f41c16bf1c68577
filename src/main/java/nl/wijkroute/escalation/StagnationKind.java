package nl.wijkroute.escalation;

/**
 * Every way a case can be found stuck, in one list: what a stagnation signal means and who raises it.
 * Signals are raised only through {@link StagnationSignalService#raise} (the detector's set-based statements
 * write the same kinds); a new cause is added here first. The name is what is stored and shown.
 */
public enum StagnationKind {
    /** The case stands in its step longer than the step's norm (StagnationDetector, daily). */
    TIME_IN_STEP,
    /** The case moved back (a BPMN flow marked BACK) at least the revisit limit times (StagnationDetector, daily). */
    REPEATED_BACK_MOVES,
    /** A warme overdracht was not accepted within its working days (bpmn/warme-overdracht.bpmn timer, handover). */
    HANDOVER_NOT_ACCEPTED,
    /** A legal term (toegang) reaches its warning day (bpmn/toegang.bpmn timer, deadline). */
    DEADLINE_AT_RISK,
    /** A legal term (toegang) passed without a decision (bpmn/toegang.bpmn timer, deadline). */
    DEADLINE_BREACHED,
    /** The doorbraak's follow-up date passed with actions still open (bpmn/escalatie.bpmn timer). */
    DOORBRAAK_FOLLOW_UP_LATE
}
