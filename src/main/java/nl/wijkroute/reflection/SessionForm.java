package nl.wijkroute.reflection;

/**
 * The two forms of the tool: a kwaliteitsscan (a few themes, about 45 minutes each, own facilitator) and a
 * dompelsessie (a whole day with an external dagvoorzitter, residents, policy staff and if possible the wethouder).
 */
public enum SessionForm {
    KWALITEITSSCAN, DOMPELSESSIE
}
