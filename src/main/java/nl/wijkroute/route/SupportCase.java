package nl.wijkroute.route;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import nl.wijkroute.household.HouseholdSummary;

/**
 * A household's journey through the routekaart. The engine decides where it is; this row keeps a
 * copy of the current stage (for queries and the one-open-case rule) and what the case is about.
 */
@Entity
@Table(name = "support_case")
public class SupportCase {

    @Id
    private UUID id;

    // Ids, not associations: the household, its wijk and team are household's entities (decision 0051); what
    // the case shows of them comes from household's read model (HouseholdService).
    @Column(name = "household_id", nullable = false, updatable = false)
    private UUID householdId;

    @Column(name = "team_id", nullable = false, updatable = false)
    private String teamId;

    // Copied from the household by a trigger on insert (V11); set here too, so the new row holds it before a reload.
    @Column(name = "wijk_id", nullable = false, updatable = false)
    private String wijkId;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    private Stage currentStage;

    private Instant stageEnteredAt;

    private Instant openedAt;

    private Instant closedAt;

    private String closureReason;

    // A wrapper, null until the first insert: Spring Data then persists a new row instead of merging it, which
    // would first select the row by its (assigned) id to find it absent.
    @Version
    private Long version;

    protected SupportCase() {
    }

    SupportCase(HouseholdSummary household, Instant openedAt) {
        this.id = UUID.randomUUID();
        this.householdId = household.id();
        this.teamId = household.teamId();
        this.wijkId = household.wijkId();
        this.status = CaseStatus.OPEN;
        this.currentStage = Stage.SIGNALEREN;
        this.stageEnteredAt = openedAt;
        this.openedAt = openedAt;
    }

    /**
     * Moves the copy of the engine's position; closing and reopening follow from the stage. A case its transaction has
     * not loaded is moved by the same rule in one statement, {@code StepRecorder.MOVE}: change both together.
     */
    void enter(Stage stage, Instant at, String reason) {
        this.currentStage = stage;
        this.stageEnteredAt = at;
        this.status = stage.status();
        if (stage.status() == CaseStatus.OPEN) {
            // Reopened (a new signal during nazorg, or the nazorg check found new needs).
            this.closedAt = null;
            this.closureReason = null;
            return;
        }
        // Support ends when the case leaves the open route (to nazorg, or closed straight after triage).
        if (closedAt == null) {
            this.closedAt = at;
        }
        if (reason != null) {
            this.closureReason = reason;
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getHouseholdId() {
        return householdId;
    }

    public String getTeamId() {
        return teamId;
    }

    public String getWijkId() {
        return wijkId;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public Stage getCurrentStage() {
        return currentStage;
    }

    public Instant getStageEnteredAt() {
        return stageEnteredAt;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosureReason() {
        return closureReason;
    }

    /** Null until the row is first inserted: Spring Data reads it here to persist a new case rather than merge it. */
    public Long getVersion() {
        return version;
    }
}
