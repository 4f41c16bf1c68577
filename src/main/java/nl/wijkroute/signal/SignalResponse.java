package nl.wijkroute.signal;

import java.time.Instant;
import java.util.UUID;

/**
 * What registering a signal did: which case it joined, and whether that case is new or reopened. Only
 * a caller who may read that case learns which case it is; anyone else gets a receipt (the signal's id
 * and time), so a signal naming a BSN never tells whether the household is known to the wijkteam.
 */
public record SignalResponse(UUID signalId, UUID caseId, UUID householdId, Boolean newCase,
                             Boolean reopenedFromNazorg, Instant receivedAt) {

    /** The same registration, told to a caller who may not read the case: that it was received, and when. */
    SignalResponse receiptOnly() {
        return new SignalResponse(signalId, null, null, null, null, receivedAt);
    }
}
