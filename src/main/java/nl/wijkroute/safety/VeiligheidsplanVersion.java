package nl.wijkroute.safety;

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

/** One version of a veiligheidsplan, exactly as it was written. The table refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "veiligheidsplan_version")
@IdClass(VeiligheidsplanVersion.Key.class)
class VeiligheidsplanVersion {

    record Key(UUID planId, int number) implements Serializable {
        Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "plan_id")
    private UUID planId;

    @Id
    private int number;

    @JdbcTypeCode(SqlTypes.JSON)
    private VeiligheidsplanContent content;

    private String changedBy;

    private Instant changedAt;

    private String changeNote;

    protected VeiligheidsplanVersion() {
    }

    VeiligheidsplanVersion(UUID planId, int number, VeiligheidsplanContent content, String changedBy, Instant changedAt,
                           String changeNote) {
        this.planId = planId;
        this.number = number;
        this.content = content;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.changeNote = changeNote;
    }

    int getNumber() {
        return number;
    }

    VeiligheidsplanContent getContent() {
        return content;
    }

    String getChangedBy() {
        return changedBy;
    }

    Instant getChangedAt() {
        return changedAt;
    }

    String getChangeNote() {
        return changeNote;
    }
}
