package nl.wijkroute.triage;

import java.time.Instant;
import java.util.UUID;

/**
 * Published synchronously, in the completing transaction, after a triage assessment was stored. Carries
 * whether it recorded a safety concern, so a listener (safety's concern flag) need not read triage back.
 */
public record TriageRecorded(UUID caseId, boolean safetyConcern, Instant assessedAt) {
}
