package nl.wijkroute.route;

/**
 * OPEN and NAZORG both count as "the household's open case" (1 gezin, 1 plan): a signal during
 * nazorg attaches to the case and reopens it instead of starting a second one.
 */
public enum CaseStatus {
    OPEN,
    NAZORG,
    CLOSED
}
