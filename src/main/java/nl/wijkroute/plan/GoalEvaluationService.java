package nl.wijkroute.plan;

import java.time.Clock;
import java.util.UUID;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.route.Stage;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goals attained: at evaluatie (routekaart step 8, "houd bij hoe het gaat") the team records with the household
 * whether each goal of the current plan was reached. The plan's versions record only what was agreed; this is
 * the minimal outcome record the managers' "goals attained per leefgebied" reads (decision 0046).
 */
@Service
class GoalEvaluationService {

    private final GoalEvaluationRepository evaluations;
    private final PlanService plans;
    private final SupportCaseService cases;
    private final CaseAccess access;
    private final Clock clock;

    GoalEvaluationService(GoalEvaluationRepository evaluations, PlanService plans, SupportCaseService cases,
                          CaseAccess access, Clock clock) {
        this.evaluations = evaluations;
        this.plans = plans;
        this.cases = cases;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public GoalEvaluationDtos.View record(UUID caseId, UUID goalId, GoalEvaluationDtos.Input input, String by) {
        access.require(caseId, DataCategory.PLAN, AccessAction.UPDATE);
        if (cases.view(caseId).currentStage() != Stage.EVALUATIE) {
            throw new ConflictException("Of een doel is bereikt leg je vast bij de evaluatie.");
        }
        PlanViews.PlanView plan = plans.currentInFull(caseId)
                .orElseThrow(() -> new NotFoundException("Deze casus heeft geen plan."));
        PlanContent.Goal goal = plan.goals().stream().filter(candidate -> goalId.equals(candidate.id())).findFirst()
                .orElseThrow(() -> new NotFoundException("Doel " + goalId + " staat niet in het huidige plan."));
        return evaluations.save(new GoalEvaluation(caseId, plan.planId(), goal.id(), goal.leefgebied(), input.attainment(),
                by, clock.instant())).toView();
    }
}
