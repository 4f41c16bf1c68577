package nl.wijkroute.deadline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A period in which a term stood still (Awb art. 4:15), with its reason. */
@Entity
@Table(name = "deadline_suspension")
public class DeadlineSuspension {

    @Id
    private UUID id;

    @Column(name = "deadline_id")
    private UUID deadlineId;

    private LocalDate since;

    private LocalDate until;

    private String reason;

    private String recordedBy;

    private Instant recordedAt;

    protected DeadlineSuspension() {
    }

    DeadlineSuspension(UUID deadlineId, LocalDate since, String reason, String recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.deadlineId = deadlineId;
        this.since = since;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void end(LocalDate on) {
        this.until = on;
    }

    public UUID getDeadlineId() {
        return deadlineId;
    }

    public LocalDate getSince() {
        return since;
    }

    public LocalDate getUntil() {
        return until;
    }

    public String getReason() {
        return reason;
    }
}
