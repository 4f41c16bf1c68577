package nl.wijkroute.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The household's one plan. Its content lives in immutable {@link PlanVersion}s; this row points at the newest. */
@Entity
@Table(name = "plan")
public class Plan {

    public enum Status { ACTIVE, CLOSED }

    @Id
    private UUID id;

    @Column(name = "household_id")
    private UUID householdId;

    @Column(name = "case_id")
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int currentVersion;

    private Instant createdAt;

    private Instant closedAt;

    @Version
    private long version;

    protected Plan() {
    }

    Plan(UUID householdId, UUID caseId, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.householdId = householdId;
        this.caseId = caseId;
        this.status = Status.ACTIVE;
        this.currentVersion = 0;
        this.createdAt = createdAt;
    }

    int nextVersion() {
        return ++currentVersion;
    }

    void close(Instant at) {
        this.status = Status.CLOSED;
        this.closedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public UUID getHouseholdId() {
        return householdId;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public Status getStatus() {
        return status;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
