package nl.wijkroute.signal;

import java.time.Instant;
import java.util.UUID;

/** What registering a signal did: which case it joined, and whether that case is new or reopened. */
public record SignalResponse(UUID signalId, UUID caseId, UUID householdId, boolean newCase,
                             boolean reopenedFromNazorg, Instant receivedAt) {
}
