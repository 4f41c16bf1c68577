package nl.wijkroute.toeleiding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import nl.wijkroute.system.InsertedOnceEntity;
import org.hibernate.annotations.Immutable;

/** What one completed toeleiding step recorded. Written once; a reopened case that passes toeleiding again gets another. */
@Entity
@Immutable
@Table(name = "toeleiding_trace")
class ToeleidingTrace extends InsertedOnceEntity {

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    private ToeleidingOutcome outcome;

    @Enumerated(EnumType.STRING)
    private ConnectionKind connectionKind;

    private String organisationId;

    private String connectedTo;

    private boolean inVoorliggendVeld;

    private boolean voorliggendVeldUsed;

    private String recordedBy;

    private Instant recordedAt;

    protected ToeleidingTrace() {
    }

    ToeleidingTrace(UUID caseId, ToeleidingOutcome outcome, ConnectionKind connectionKind, String organisationId,
                    String connectedTo, boolean inVoorliggendVeld, boolean voorliggendVeldUsed, String recordedBy,
                    Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.outcome = outcome;
        this.connectionKind = connectionKind;
        this.organisationId = organisationId;
        this.connectedTo = connectedTo;
        this.inVoorliggendVeld = inVoorliggendVeld;
        this.voorliggendVeldUsed = voorliggendVeldUsed;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    @Override
    public UUID getId() {
        return id;
    }

    ToeleidingTraceView toView() {
        return new ToeleidingTraceView(id, caseId, outcome, connectionKind, organisationId, connectedTo, inVoorliggendVeld,
                voorliggendVeldUsed, recordedBy, recordedAt);
    }
}
