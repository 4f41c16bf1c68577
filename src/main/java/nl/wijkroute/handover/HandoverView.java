package nl.wijkroute.handover;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A handover as sender and receiver see it; the summary holds only what the consent covers. */
public record HandoverView(UUID id, UUID caseId, Handover.Scope scope, List<UUID> actionIds, String sender,
                           String senderOrganisation, String receiverOrganisation, String receiverProfessional,
                           HandoverContent.Summary summary, HandoverContent.Consent consent, Instant jointMeetingAt,
                           Handover.Status status, boolean overdue, Instant acceptBefore, String decidedBy,
                           Instant decidedAt, String declineReason, Instant createdAt) {

    /** The offer and its outcome without the household's story or consent. */
    HandoverView withoutContent() {
        return new HandoverView(id, caseId, scope, actionIds, sender, senderOrganisation, receiverOrganisation,
                receiverProfessional, null, null, jointMeetingAt, status, overdue, acceptBefore, decidedBy, decidedAt,
                declineReason, createdAt);
    }
}
