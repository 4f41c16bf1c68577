package nl.wijkroute.handover;

/**
 * The ids and message names of {@code bpmn/warme-overdracht.bpmn} that Java touches, declared once;
 * BpmnContractTest checks them against the BPMN. (The message that starts it is caught by the route:
 * route.RoutekaartIds#HANDOVER_PROPOSED_MESSAGE.)
 */
public final class WarmeOverdrachtIds {

    public static final String PROCESS = "warmeOverdracht";

    public static final String DECISION_TASK = "overdrachtBeoordelen";

    public static final String WITHDRAWN_MESSAGE = "overdrachtIngetrokken";

    private WarmeOverdrachtIds() {
    }
}
