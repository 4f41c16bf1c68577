package nl.wijkroute.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A sign that a case is stuck, raised by the system for a procesregisseur to look at. */
@Entity
@Table(name = "stagnation_signal")
public class StagnationSignal {

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    private String kind;

    private UUID referenceId;

    private String description;

    private Instant raisedAt;

    private Instant resolvedAt;

    protected StagnationSignal() {
    }

    StagnationSignal(UUID caseId, String kind, UUID referenceId, String description, Instant raisedAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.kind = kind;
        this.referenceId = referenceId;
        this.description = description;
        this.raisedAt = raisedAt;
    }

    void resolve(Instant at) {
        this.resolvedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public String getKind() {
        return kind;
    }

    public UUID getReferenceId() {
        return referenceId;
    }

    public String getDescription() {
        return description;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
