package nl.wijkroute.reflection;

/**
 * The ids of {@code bpmn/reflectie.bpmn} that Java touches, declared once; BpmnContractTest checks them
 * against the BPMN.
 */
public final class ReflectieIds {

    public static final String PROCESS = "reflectie";

    public static final String VOORBEREIDEN = "voorbereiden";
    public static final String SCOREN = "scoren";
    public static final String PRIORITEREN = "prioriteren";
    public static final String GESPREK = "gesprek";
    public static final String ACTIES = "acties";
    public static final String GESLOTEN = "gesloten";

    private ReflectieIds() {
    }
}
