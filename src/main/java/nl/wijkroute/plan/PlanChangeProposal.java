package nl.wijkroute.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/**
 * A partner's proposal to change the plan's content: a new goal, a new action under a goal, or another
 * target date for a goal. The casusregisseur accepts it into a new plan version (which then needs the
 * household's agreement again) or declines it with a reason.
 */
@Entity
@Table(name = "plan_change_proposal")
class PlanChangeProposal {

    enum Kind { NEW_GOAL, NEW_ACTION, TARGET_DATE }

    enum Status { PROPOSED, ACCEPTED, DECLINED }

    @Id
    private UUID id;

    private UUID planId;

    private UUID caseId;

    private String organisationId;

    private String proposedBy;

    private Instant proposedAt;

    private int basedOnVersion;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private UUID goalId;

    @Enumerated(EnumType.STRING)
    private Leefgebied leefgebied;

    private UUID memberId;

    private String goalDescription;

    private String goalResult;

    private LocalDate targetDate;

    private String actionDescription;

    @Enumerated(EnumType.STRING)
    private PlanContent.OwnerType actionOwnerType;

    private String actionProfessional;

    private String motivation;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String decidedBy;

    private Instant decidedAt;

    private String declineReason;

    private Integer acceptedInVersion;

    @Version
    private long version;

    protected PlanChangeProposal() {
    }

    PlanChangeProposal(UUID planId, UUID caseId, String organisationId, String proposedBy, Instant proposedAt,
                       int basedOnVersion, PlanWorkRequests.PlanProposalRequest request) {
        this.id = UUID.randomUUID();
        this.planId = planId;
        this.caseId = caseId;
        this.organisationId = organisationId;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.basedOnVersion = basedOnVersion;
        this.kind = request.kind();
        this.goalId = request.goalId();
        this.leefgebied = request.leefgebied();
        this.memberId = request.memberId();
        this.goalDescription = request.goalDescription();
        this.goalResult = request.goalResult();
        this.targetDate = request.targetDate();
        this.actionDescription = request.actionDescription();
        this.actionOwnerType = request.actionDescription() == null ? null : request.actionOwnerType();
        this.actionProfessional = request.actionProfessional();
        this.motivation = request.motivation();
        this.status = Status.PROPOSED;
    }

    void accept(int intoVersion, String by, Instant at) {
        this.status = Status.ACCEPTED;
        this.acceptedInVersion = intoVersion;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void decline(String reason, String by, Instant at) {
        this.status = Status.DECLINED;
        this.declineReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    UUID getId() {
        return id;
    }

    UUID getPlanId() {
        return planId;
    }

    UUID getCaseId() {
        return caseId;
    }

    String getOrganisationId() {
        return organisationId;
    }

    String getProposedBy() {
        return proposedBy;
    }

    Instant getProposedAt() {
        return proposedAt;
    }

    int getBasedOnVersion() {
        return basedOnVersion;
    }

    Kind getKind() {
        return kind;
    }

    UUID getGoalId() {
        return goalId;
    }

    Leefgebied getLeefgebied() {
        return leefgebied;
    }

    UUID getMemberId() {
        return memberId;
    }

    String getGoalDescription() {
        return goalDescription;
    }

    String getGoalResult() {
        return goalResult;
    }

    LocalDate getTargetDate() {
        return targetDate;
    }

    String getActionDescription() {
        return actionDescription;
    }

    PlanContent.OwnerType getActionOwnerType() {
        return actionOwnerType;
    }

    String getActionProfessional() {
        return actionProfessional;
    }

    String getMotivation() {
        return motivation;
    }

    Status getStatus() {
        return status;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    String getDeclineReason() {
        return declineReason;
    }

    Integer getAcceptedInVersion() {
        return acceptedInVersion;
    }

    long getVersion() {
        return version;
    }
}
