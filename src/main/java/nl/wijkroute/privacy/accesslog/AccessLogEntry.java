package nl.wijkroute.privacy.accesslog;

import java.util.UUID;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.DataCategory;

/**
 * One line of the access log before it is written; the time and the chain are added by the database.
 * {@code userId} is the user's stable key (the token's sub), {@code username} their name for display.
 */
public record AccessLogEntry(String username, String role, String organisation, UUID householdId, UUID caseId,
                             DataCategory category, AccessAction action, String purpose, Outcome outcome,
                             boolean breakGlass, String userId) {

    public enum Outcome { GRANTED, DENIED }

    /** An entry without a user key (written before users were keyed by sub, or by code that has no token). */
    public AccessLogEntry(String username, String role, String organisation, UUID householdId, UUID caseId,
                          DataCategory category, AccessAction action, String purpose, Outcome outcome,
                          boolean breakGlass) {
        this(username, role, organisation, householdId, caseId, category, action, purpose, outcome, breakGlass, null);
    }
}
