package nl.wijkroute.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;
import nl.wijkroute.system.InsertedOnceEntity;
import org.hibernate.annotations.Immutable;

/**
 * Whether a plan goal was attained, as judged at one evaluatie. Not part of the plan's versions (a judgement
 * about a version, not a change to it); a goal evaluated again gets another row (decision 0046).
 */
@Entity
@Immutable
@Table(name = "plan_goal_evaluation")
class GoalEvaluation extends InsertedOnceEntity {

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    @Column(name = "plan_id")
    private UUID planId;

    private UUID goalId;

    /** Copied from the goal, so that the dashboard needs no walk through the versions' jsonb. */
    @Enumerated(EnumType.STRING)
    private Leefgebied leefgebied;

    @Enumerated(EnumType.STRING)
    private GoalEvaluationDtos.Attainment attainment;

    private String evaluatedBy;

    private Instant evaluatedAt;

    protected GoalEvaluation() {
    }

    GoalEvaluation(UUID caseId, UUID planId, UUID goalId, Leefgebied leefgebied, GoalEvaluationDtos.Attainment attainment,
                   String evaluatedBy, Instant evaluatedAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.planId = planId;
        this.goalId = goalId;
        this.leefgebied = leefgebied;
        this.attainment = attainment;
        this.evaluatedBy = evaluatedBy;
        this.evaluatedAt = evaluatedAt;
    }

    @Override
    public UUID getId() {
        return id;
    }

    GoalEvaluationDtos.View toView() {
        return new GoalEvaluationDtos.View(id, goalId, leefgebied, attainment, evaluatedBy, evaluatedAt);
    }
}
