package nl.wijkroute.route;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One move of a case: from, to, who, when, why. Append-only (the table refuses updates and deletes); read here,
 * written by {@code StepRecorder} with a plain insert (decision 0074).
 */
@Entity
@Immutable
@Table(name = "step_history")
public class StepHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    private Stage fromStage;

    @Enumerated(EnumType.STRING)
    private Stage toStage;

    /** Who moved the case: the user's stable id (token sub), or "system". */
    private String actor;

    /** The user's name when they moved it, for display (null for the system and for rows before V18). */
    @Column(name = "actor_name")
    private String actorName;

    private Instant movedAt;

    private String reason;

    /** Whether the move took a flow the BPMN marks as a back-move (decision 0028). */
    private boolean backMove;

    protected StepHistoryEntry() {
    }

    public Long getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public Stage getFromStage() {
        return fromStage;
    }

    public Stage getToStage() {
        return toStage;
    }

    public String getActor() {
        return actor;
    }

    /** The name to show: the user name recorded with the move, else the key (the system, older rows). */
    public String getActorDisplayName() {
        return actorName != null ? actorName : actor;
    }

    public Instant getMovedAt() {
        return movedAt;
    }

    public String getReason() {
        return reason;
    }

    public boolean isBackMove() {
        return backMove;
    }
}
