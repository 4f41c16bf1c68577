package nl.wijkroute.toegang;

import java.util.List;

/**
 * The ids of {@code bpmn/toegang.bpmn} that Java touches, declared once; BpmnContractTest checks them
 * against the BPMN.
 */
public final class ToegangIds {

    public static final String PROCESS = "toegang";

    public static final String ONDERZOEK = "onderzoek";
    public static final String BESLUIT = "besluit";

    /** The household objects to a decision: a new instance of this process waits for the decision on the bezwaar. */
    public static final String BEZWAAR_MESSAGE = "bezwaarIngediend";
    public static final String BESLISSING_OP_BEZWAAR = "beslissingOpBezwaar";

    /** A grant with a period: a new instance of this process waits for the moment of the herindicatie. */
    public static final String HERINDICATIE_MESSAGE = "herindicatieGepland";
    public static final String HERINDICATIE_WAIT = "herindicatieWait";
    public static final String HERINDICATIE = "herindicatie";

    /** The warning boundary timers of the legal terms. */
    public static final String ONDERZOEK_AT_RISK = "onderzoekAtRisk";
    public static final String BESLUIT_AT_RISK = "besluitAtRisk";
    public static final String BEZWAAR_AT_RISK = "bezwaarAtRisk";
    public static final List<String> WARNING_TIMERS = List.of(ONDERZOEK_AT_RISK, BESLUIT_AT_RISK, BEZWAAR_AT_RISK);

    /** The breach boundary timers of the legal terms. */
    public static final String ONDERZOEK_BREACHED = "onderzoekBreached";
    public static final String BESLUIT_BREACHED = "besluitBreached";
    public static final String BEZWAAR_BREACHED = "bezwaarBreached";

    /**
     * Every boundary timer that watches a legal term (warning and breach); the herindicatie timer is not one.
     * {@code ToegangTimers} moves these jobs' due dates when the deadline module suspends, resumes or extends a term.
     */
    public static final List<String> TERM_TIMERS = List.of(ONDERZOEK_AT_RISK, ONDERZOEK_BREACHED, BESLUIT_AT_RISK,
            BESLUIT_BREACHED, BEZWAAR_AT_RISK, BEZWAAR_BREACHED);

    private ToegangIds() {
    }
}
