package nl.wijkroute.assessment;

/**
 * How one cell of the levensbrede grid (member × leefgebied) is filled: scored, or explicitly left out.
 * An empty cell is not a status: it keeps vraagverheldering from going to the plan (decision 0045).
 */
public enum AssessmentStatus {
    /** Scored on the zelfredzaamheid scale 1–5. */
    ASSESSED,
    /** The leefgebied does not apply to this member (no children to raise, no justice contact ever). */
    NIET_VAN_TOEPASSING,
    /** Not discussed, with the reason why (not yet safe to raise, the member was not there, …). */
    NIET_BESPROKEN
}
