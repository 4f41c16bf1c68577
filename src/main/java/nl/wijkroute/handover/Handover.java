package nl.wijkroute.handover;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A warme overdracht: the regie or some plan actions, offered to a partner with a summary and consent. */
@Entity
@Table(name = "handover")
public class Handover {

    public enum Scope { REGIE, ACTIONS }

    public enum Status { PROPOSED, ACCEPTED, DECLINED, WITHDRAWN }

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    private Scope scope;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<UUID> actionIds;

    private String sender;

    private String senderOrganisation;

    private String receiverOrganisation;

    private String receiverProfessional;

    @JdbcTypeCode(SqlTypes.JSON)
    private HandoverContent.Summary summary;

    @JdbcTypeCode(SqlTypes.JSON)
    private HandoverContent.Consent consent;

    private Instant jointMeetingAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    private boolean overdue;

    private Instant acceptBefore;

    private String decidedBy;

    private Instant decidedAt;

    private String declineReason;

    private Instant createdAt;

    @Version
    private long version;

    protected Handover() {
    }

    Handover(UUID caseId, Scope scope, List<UUID> actionIds, String sender, String senderOrganisation,
             String receiverOrganisation, String receiverProfessional, HandoverContent.Summary summary,
             HandoverContent.Consent consent, Instant jointMeetingAt, Instant acceptBefore, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.scope = scope;
        this.actionIds = List.copyOf(actionIds);
        this.sender = sender;
        this.senderOrganisation = senderOrganisation;
        this.receiverOrganisation = receiverOrganisation;
        this.receiverProfessional = receiverProfessional;
        this.summary = summary;
        this.consent = consent;
        this.jointMeetingAt = jointMeetingAt;
        this.status = Status.PROPOSED;
        this.acceptBefore = acceptBefore;
        this.createdAt = createdAt;
    }

    void decide(Status decision, String by, Instant at, String reason) {
        this.status = decision;
        this.decidedBy = by;
        this.decidedAt = at;
        this.declineReason = reason;
    }

    void markOverdue() {
        this.overdue = true;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public Scope getScope() {
        return scope;
    }

    public List<UUID> getActionIds() {
        return actionIds;
    }

    public String getSender() {
        return sender;
    }

    public String getSenderOrganisation() {
        return senderOrganisation;
    }

    public String getReceiverOrganisation() {
        return receiverOrganisation;
    }

    public String getReceiverProfessional() {
        return receiverProfessional;
    }

    public HandoverContent.Summary getSummary() {
        return summary;
    }

    public HandoverContent.Consent getConsent() {
        return consent;
    }

    public Instant getJointMeetingAt() {
        return jointMeetingAt;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public Instant getAcceptBefore() {
        return acceptBefore;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDeclineReason() {
        return declineReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
