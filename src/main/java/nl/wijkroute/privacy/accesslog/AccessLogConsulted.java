package nl.wijkroute.privacy.accesslog;

import java.util.UUID;
import nl.wijkroute.system.security.CurrentUser;

/**
 * Someone read or exported the access log (filtered by household and/or case, or not at all). Published
 * synchronously so the look is itself logged in the same request; the access gate (privacy.access) writes
 * the entry, because it knows the user's role and purpose — the log does not depend on the gate.
 */
public record AccessLogConsulted(CurrentUser user, UUID householdId, UUID caseId, boolean export) {
}
