package nl.wijkroute.toeleiding;

import java.time.Instant;
import java.util.UUID;

/**
 * The trace of one toeleiding as the case file and toegang read it.
 *
 * @param connectedTo         the voorziening's name, or the organisation's name as it was then
 * @param inVoorliggendVeld   the connection itself is in the voorliggend veld (a named voorziening, or a welzijn
 *                            / maatschappelijk-werk organisation)
 * @param voorliggendVeldUsed the voorliggend veld was used before any maatwerk request
 */
public record ToeleidingTraceView(UUID id, UUID caseId, ToeleidingOutcome outcome, ConnectionKind connectionKind,
                                  String organisationId, String connectedTo, boolean inVoorliggendVeld,
                                  boolean voorliggendVeldUsed, String recordedBy, Instant recordedAt) {
}
