package nl.wijkroute.reflection;

/** The perspective a participant brings to a session (issue 18; the tool asks for as many as possible). */
public enum Perspective {
    UITVOERING("Uitvoering"),
    LEIDINGGEVENDE("Leidinggevende"),
    BELEID("Beleid"),
    BESTUUR("Bestuur"),
    INWONER("Inwoner / cliëntvertegenwoordiger"),
    PARTNER("Partner");

    private final String label;

    Perspective(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
