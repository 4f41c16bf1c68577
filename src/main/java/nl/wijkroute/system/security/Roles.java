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

    private Roles() {
    }
}
