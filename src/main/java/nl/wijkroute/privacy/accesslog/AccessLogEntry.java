package nl.wijkroute.privacy.accesslog;

import java.util.UUID;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.DataCategory;

/** One line of the access log before it is written; the time and the chain are added by the database. */
public record AccessLogEntry(String username, String role, String organisation, UUID householdId, UUID caseId,
                             DataCategory category, AccessAction action, String purpose, Outcome outcome,
                             boolean breakGlass) {

    public enum Outcome { GRANTED, DENIED }
}
