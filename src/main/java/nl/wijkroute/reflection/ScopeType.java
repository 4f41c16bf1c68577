package nl.wijkroute.reflection;

/** Whose access to care a session reflects on: the whole municipality, one team or one wijk. */
public enum ScopeType {
    MUNICIPALITY, TEAM, WIJK
}
