package nl.wijkroute.route;

/**
 * The ids and message names of {@code bpmn/routekaart.bpmn} that Java touches, declared once.
 * BpmnContractTest checks each of them against the BPMN, so renaming one in the Modeler fails a test
 * instead of a correlation at run time. (Process variables are in {@link RouteVariables}.)
 */
public final class RoutekaartIds {

    public static final String PROCESS = "routekaart";

    /** User tasks: a step's input is registered under its task's id (route.step.StepHandler#taskKey). */
    public static final String TRIAGE = "triage";
    public static final String VEILIGHEID = "veiligheid";
    public static final String TOELEIDING = "toeleiding";
    public static final String VRAAGVERHELDERING = "vraagverheldering";
    public static final String PLAN = "plan";
    public static final String REGIE = "regie";
    public static final String EVALUATIE = "evaluatie";
    public static final String NAZORG_CONTROLE = "nazorgControle";
    /** The wait while Veilig Thuis has the case (after SPECIALIST_TOOK_OVER); completing it means Veilig Thuis keeps it. */
    public static final String VEILIG_THUIS_AAN_ZET = "veiligThuisAanZet";
    /** The team's safety task after a new safety signal on an open case (event subprocess, decision 0048). */
    public static final String VEILIGHEID_NIEUW_SIGNAAL = "veiligheidNieuwSignaal";

    /** Messages the route catches: a new signal during nazorg, and the starts of its side processes. */
    public static final String NEW_SIGNAL_MESSAGE = "nieuwSignaal";
    public static final String HANDOVER_PROPOSED_MESSAGE = "warmeOverdracht";
    public static final String TOEGANG_REQUESTED_MESSAGE = "toegangAangevraagd";
    public static final String TOEGANG_REFUSED_MESSAGE = "toegangGeweigerd";
    public static final String ESCALATED_MESSAGE = "escalatie";
    /** Veilig Thuis hands the case back: the route leaves veiligThuisAanZet for the plan step. */
    public static final String VT_RETURNS_MESSAGE = "vtDraagtTerug";
    /** A signal with a safety concern or urgency CRISIS joined an open case: the team's safety task starts. */
    public static final String SAFETY_SIGNAL_MESSAGE = "veiligheidsSignaal";

    private RoutekaartIds() {
    }
}
