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

    /** The warning boundary timers; the task's other timer is its breach timer. */
    public static final String ONDERZOEK_AT_RISK = "onderzoekAtRisk";
    public static final String BESLUIT_AT_RISK = "besluitAtRisk";
    public static final List<String> WARNING_TIMERS = List.of(ONDERZOEK_AT_RISK, BESLUIT_AT_RISK);

    private ToegangIds() {
    }
}
