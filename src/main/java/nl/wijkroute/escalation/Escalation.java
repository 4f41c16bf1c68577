package nl.wijkroute.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stuck case escalated to procesregie, and what the procesregisseur broke through. */
@Entity
@Table(name = "escalation")
public class Escalation {

    public enum Source { WORKER, DETECTION }

    public enum Status { OPEN, TAKEN, DOORBRAAK, DEESCALATED }

    /**
     * The breakthrough: what was decided in the casusoverleg, who pays and until when (e.g. the
     * municipality for now while responsibility is sorted out), who follows up by when.
     */
    public record Doorbraak(Instant casusoverlegAt, List<String> participants, String decision, String payer,
                            LocalDate payUntil, String followUpBy, LocalDate followUpBefore) {
    }

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    private EscalationCause cause;

    private String description;

    @Enumerated(EnumType.STRING)
    private Source source;

    private UUID stagnationSignal;

    private String raisedBy;

    private Instant raisedAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String procesregisseur;

    private Instant takenAt;

    @JdbcTypeCode(SqlTypes.JSON)
    private Doorbraak doorbraak;

    private Instant deescalatedAt;

    private String deescalationNote;

    @Version
    private long version;

    protected Escalation() {
    }

    Escalation(UUID caseId, EscalationCause cause, String description, Source source, UUID stagnationSignal,
               String raisedBy, Instant raisedAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.cause = cause;
        this.description = description;
        this.source = source;
        this.stagnationSignal = stagnationSignal;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
        this.status = Status.OPEN;
    }

    void take(String procesregisseur, Instant at) {
        this.status = Status.TAKEN;
        this.procesregisseur = procesregisseur;
        this.takenAt = at;
    }

    void breakThrough(Doorbraak doorbraak) {
        this.status = Status.DOORBRAAK;
        this.doorbraak = doorbraak;
    }

    void deescalate(String note, Instant at) {
        this.status = Status.DEESCALATED;
        this.deescalationNote = note;
        this.deescalatedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public EscalationCause getCause() {
        return cause;
    }

    public String getDescription() {
        return description;
    }

    public Source getSource() {
        return source;
    }

    public UUID getStagnationSignal() {
        return stagnationSignal;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getProcesregisseur() {
        return procesregisseur;
    }

    public Instant getTakenAt() {
        return takenAt;
    }

    public Doorbraak getDoorbraak() {
        return doorbraak;
    }

    public Instant getDeescalatedAt() {
        return deescalatedAt;
    }

    public String getDeescalationNote() {
        return deescalationNote;
    }
}
