package nl.wijkroute.privacy.accesslog;

import java.util.List;
import java.util.UUID;

/**
 * One line of the access log before it is written; the time and the chain are added by the database.
 * An entry is about one case ({@code householdId}, {@code caseId}) or about every case a list showed
 * ({@code householdIds}, {@code caseIds}; the single ids then stay null). {@code userId} is the user's
 * stable key (the token's sub), {@code username} their name for display. {@code category} and {@code action} are
 * the names of privacy.access's DataCategory and AccessAction, as stored: the log does not depend on the gate.
 */
public record AccessLogEntry(String username, String role, String organisation, UUID householdId, UUID caseId,
                             String category, String action, String purpose, Outcome outcome,
                             boolean breakGlass, String userId, List<UUID> householdIds, List<UUID> caseIds) {

    public enum Outcome { GRANTED, DENIED }

    /** An entry about one case. */
    public AccessLogEntry(String username, String role, String organisation, UUID householdId, UUID caseId,
                          String category, String action, String purpose, Outcome outcome,
                          boolean breakGlass, String userId) {
        this(username, role, organisation, householdId, caseId, category, action, purpose, outcome, breakGlass, userId,
                null, null);
    }

    /** The same access, about every case a list showed instead of one. */
    public AccessLogEntry listing(List<UUID> listedHouseholdIds, List<UUID> listedCaseIds) {
        return new AccessLogEntry(username, role, organisation, null, null, category, action, purpose, outcome, breakGlass,
                userId, listedHouseholdIds, listedCaseIds);
    }
}
