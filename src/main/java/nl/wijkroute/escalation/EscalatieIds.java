package nl.wijkroute.escalation;

/**
 * The ids of {@code bpmn/escalatie.bpmn} that Java touches, declared once; BpmnContractTest checks them
 * against the BPMN. (The message that starts it is caught by the route: route.RoutekaartIds#ESCALATED_MESSAGE.)
 */
public final class EscalatieIds {

    public static final String PROCESS = "escalatie";

    public static final String PROCESREGIE_OPPAKKEN = "procesregieOppakken";
    public static final String DOORBRAAK = "doorbraak";
    public static final String OPVOLGING = "opvolging";

    private EscalatieIds() {
    }
}
