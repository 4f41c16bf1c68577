package nl.wijkroute.toegang;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The household's objection (bezwaar, Awb hoofdstuk 6 and 7) to a toegang decision, and the decision on
 * it. One per decision: an objection to the decision on the bezwaar is beroep at the court, not here.
 */
@Entity
@Table(name = "toegang_bezwaar")
public class Bezwaar {

    /** The decision on the bezwaar; INGETROKKEN when the household withdrew it. */
    public enum Outcome { GEGROND, ONGEGROND, NIET_ONTVANKELIJK, INGETROKKEN }

    @Id
    private UUID id;

    @Column(name = "toegang_request_id")
    private UUID toegangRequestId;

    @Column(name = "case_id")
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    private Law law;

    private LocalDate receivedOn;

    /** Received within the bezwaartermijn (Awb 6:9); a late one may still be excused (Awb 6:11). */
    private boolean timely;

    private boolean advisoryCommittee;

    @Enumerated(EnumType.STRING)
    private ToegangRequest.Outcome originalOutcome;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String outcomeReason;

    private String decidedBy;

    private Instant decidedAt;

    private String recordedBy;

    private Instant recordedAt;

    @Version
    private long version;

    protected Bezwaar() {
    }

    Bezwaar(ToegangRequest request, LocalDate receivedOn, boolean timely, boolean advisoryCommittee, String recordedBy,
            Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.toegangRequestId = request.getId();
        this.caseId = request.getCaseId();
        this.law = request.getLaw();
        this.originalOutcome = request.getOutcome();
        this.receivedOn = receivedOn;
        this.timely = timely;
        this.advisoryCommittee = advisoryCommittee;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void decide(Outcome outcome, String reason, String by, Instant at) {
        this.outcome = outcome;
        this.outcomeReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public UUID getToegangRequestId() {
        return toegangRequestId;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public Law getLaw() {
        return law;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public boolean isTimely() {
        return timely;
    }

    public boolean isAdvisoryCommittee() {
        return advisoryCommittee;
    }

    public ToegangRequest.Outcome getOriginalOutcome() {
        return originalOutcome;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getOutcomeReason() {
        return outcomeReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
