package nl.wijkroute.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * The live status of one action of a plan, as its owner reported it. Kept beside the plan versions, not in
 * them: a status is no content change and needs no new agreement of the household (decision 0043).
 */
@Entity
@Table(name = "plan_action_state")
@IdClass(PlanActionState.Key.class)
class PlanActionState implements Persistable<PlanActionState.Key> {

    record Key(UUID planId, UUID actionId) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "plan_id")
    private UUID planId;

    @Id
    @Column(name = "action_id")
    private UUID actionId;

    @Enumerated(EnumType.STRING)
    private PlanContent.ActionStatus status;

    private String stopReason;

    /** How many status changes were reported; a client sends the one it saw (409 when another came first). */
    private int revision;

    private String updatedBy;

    private Instant updatedAt;

    @Version
    private long version;

    /**
     * A first report is inserted, never merged: a merge would find a colleague's row written meanwhile and
     * overwrite it, where an insert fails on the primary key and answers 409.
     */
    @Transient
    private boolean fresh = true;

    protected PlanActionState() {
    }

    PlanActionState(UUID planId, UUID actionId) {
        this.planId = planId;
        this.actionId = actionId;
    }

    void change(PlanContent.ActionStatus to, String reason, String by, Instant at) {
        this.status = to;
        this.stopReason = reason;
        this.revision++;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    @Override
    public Key getId() {
        return new Key(planId, actionId);
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostPersist
    @PostLoad
    void markStored() {
        fresh = false;
    }

    UUID getActionId() {
        return actionId;
    }

    PlanContent.ActionStatus getStatus() {
        return status;
    }

    String getStopReason() {
        return stopReason;
    }

    int getRevision() {
        return revision;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
