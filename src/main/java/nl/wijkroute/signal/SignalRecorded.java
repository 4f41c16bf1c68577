package nl.wijkroute.signal;

import java.time.Instant;
import java.util.UUID;

/**
 * Published synchronously, in the registering transaction, after a signal was stored on its case. Whether it
 * raises safety ({@link SignalView#raisesSafety()}) travels with it, so a listener (safety's concern flag)
 * need not read the signals back.
 */
public record SignalRecorded(UUID caseId, boolean raisesSafety, Instant receivedAt) {
}
