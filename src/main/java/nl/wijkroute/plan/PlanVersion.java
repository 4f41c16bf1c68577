package nl.wijkroute.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a plan, exactly as it was written. The table refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "plan_version")
@IdClass(PlanVersion.Key.class)
public class PlanVersion {

    public record Key(UUID planId, int number) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "plan_id")
    private UUID planId;

    @Id
    private int number;

    @JdbcTypeCode(SqlTypes.JSON)
    private PlanContent content;

    private String changedBy;

    private Instant changedAt;

    private String changeNote;

    protected PlanVersion() {
    }

    PlanVersion(UUID planId, int number, PlanContent content, String changedBy, Instant changedAt, String changeNote) {
        this.planId = planId;
        this.number = number;
        this.content = content;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.changeNote = changeNote;
    }

    public UUID getPlanId() {
        return planId;
    }

    public int getNumber() {
        return number;
    }

    public PlanContent getContent() {
        return content;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangeNote() {
        return changeNote;
    }
}
