package nl.wijkroute.system.security;

/** Realm roles of the wijkroute realm (see src/main/resources/keycloak/wijkroute-realm.json). */
public final class Roles {

    public static final String FRONTOFFICE = "frontoffice";
    public static final String WIJKTEAM = "wijkteam";
    public static final String TOEGANG = "toegang";
    public static final String PROCESREGISSEUR = "procesregisseur";
    public static final String PARTNER = "partner";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";
    /** The privacy officer (functionaris gegevensbescherming): the access log, break-the-glass review, erasure. */
    public static final String PRIVACY = "privacy";
    /** A resident, signed in through DigiD (Keycloak identity brokering); sees only their own household. */
    public static final String INWONER = "inwoner";
    /**
     * A participant in a reflection session who is not a worker (a resident or client representative, a
     * wethouder, an external dagvoorzitter): sees the sessions they are invited to, never a case.
     */
    public static final String REFLECTIE_DEELNEMER = "reflectie-deelnemer";

    private Roles() {
    }
}
