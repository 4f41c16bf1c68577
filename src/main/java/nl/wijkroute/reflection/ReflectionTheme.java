package nl.wijkroute.reflection;

import java.util.Arrays;
import java.util.Optional;

/**
 * The nine gespreksthema's of the reflectietool "Ruimte geeft vaart" (seeds 000/002, "Aan de slag"), with
 * the short description and the schaalvraag of the tool. Every schaalvraag asks how often a participant
 * experiences knelpunten on the theme, from 1 (heel weinig) to 10 (heel vaak): a high score means the
 * theme deserves priority.
 */
public enum ReflectionTheme {
    BOTSENDE_WAARDEN("Botsende waarden",
            "Persoonlijke waarden zijn soms tegenstrijdig. Wat vind jij belangrijk? Waarom doe je de dingen die je doet en botst dat wel eens met wat je collega's doen?",
            "Geef met een cijfer aan hoe vaak je botsende waarden ervaart."),
    DWINGENDE_SYSTEMEN("Dwingende systemen",
            "We worden overspoeld met regels en protocollen. Hoe dwingend zijn de systemen en hoe vaak belemmeren ze de toegang tot de zorg?",
            "Geef met een cijfer aan hoe vaak je last hebt van dwingende systemen."),
    HEILIGE_HUISJES("Heilige huisjes",
            "Iedereen kent ze: zaken die in de loop der jaren zijn ontstaan, die 'nu eenmaal zo zijn' en waar we het liever niet over hebben.",
            "Geef met een cijfer aan hoe vaak je last hebt van 'heilige huisjes'."),
    HELDERE_WERKWIJZE("Heldere werkwijze",
            "Welke stappen doorlopen inwoners voordat zij zorg of ondersteuning krijgen en zijn die stappen logisch, noodzakelijk en begrijpelijk?",
            "Geef met een cijfer aan hoe vaak je knelpunten ervaart in de werkwijze van de toegang."),
    REGELRUIMTE("Regelruimte",
            "Heb je voldoende ruimte om je kennis, ervaring en contacten in te zetten voor maatwerkoplossingen? Of ervaar je vaak 'regeldruk'?",
            "Geef met een cijfer aan hoeveel last je hebt van 'regeldruk'."),
    SAMENSPEL("Samenspel",
            "Goed samenspel vraagt om korte lijnen, snelle afstemming en uitwisseling van expertise tussen professionals binnen en buiten het wijkteam.",
            "Geef met een cijfer aan hoe vaak je knelpunten ervaart in het samenspel."),
    SLIM_GELD("Slim geld",
            "Integrale zorg en ondersteuning mogelijk maken met (regel)vrije budgetten en het slim managen van bestaande budgetten.",
            "Geef met een cijfer aan hoe vaak je knelpunten ervaart in de financiering van zorg en ondersteuning."),
    VAKMANSCHAP("Vakmanschap",
            "Weet wat je kunt, onderken wat je niet kunt en wanneer je andere collega's moet inschakelen.",
            "Geef met een cijfer aan hoe vaak je knelpunten ervaart in het vakmanschap."),
    WETTELIJKE_GRENSCONFLICTEN("Wettelijke grensconflicten",
            "Over conflicterende wetten en regels en de grijze gebieden daartussen.",
            "Geef met een cijfer aan hoe vaak je wettelijke grensconflicten ervaart.");

    /** The scale of every schaalvraag, as the tool prints it. */
    public static final String SCALE = "Een 1 voor heel weinig en een 10 voor heel vaak.";

    private final String label;
    private final String description;
    private final String schaalvraag;

    ReflectionTheme(String label, String description, String schaalvraag) {
        this.label = label;
        this.description = description;
        this.schaalvraag = schaalvraag;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String schaalvraag() {
        return schaalvraag;
    }

    /** The theme with this Dutch name (as an escalation cause names it), if there is one. */
    public static Optional<ReflectionTheme> byLabel(String label) {
        return Arrays.stream(values()).filter(theme -> theme.label.equals(label)).findFirst();
    }
}
