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

    /** Every boundary timer that watches a legal term (warning and breach); the herindicatie timer is not one. */
    public static final List<String> TERM_TIMERS = List.of(ONDERZOEK_AT_RISK, "onderzoekBreached", BESLUIT_AT_RISK,
            "besluitBreached", BEZWAAR_AT_RISK, "bezwaarBreached");

    private ToegangIds() {
    }
}
