package nl.wijkroute.privacy.access;

/** The actions NEN 7513 distinguishes in an access log. */
public enum AccessAction {
    READ, CREATE, UPDATE, DELETE, EXPORT
}
