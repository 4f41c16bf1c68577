package nl.wijkroute.safety;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.route.RouteVariables;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.route.step.AsksSafety;
import nl.wijkroute.route.step.StepCompletionCheck;
import nl.wijkroute.route.step.StepInput;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan step and every evaluatie of a case that ever had a safety concern ask "is iedereen nu veilig, en
 * hoe weten we dat" per member (seed 003, veilige leefomgeving: "een actueel beeld van de veiligheid van
 * alle gezinsleden"). The answers are recorded; a "no" for anyone sets {@code safetyCheckResult = UNSAFE},
 * and the BPMN's planChoice/evaluatieChoice send the route to {@code veiligheid}. A case without a concern
 * may answer (recorded too) but need not.
 * <p>
 * Someone who may not record a safety check (a partner holding casusregie, decision 0044) is never asked and
 * gets the same answer whether or not the case has a concern (decision 0048, 0047: a partner may learn only
 * that a veiligheidsplan exists): any {@code safetyCheck} they send is refused alike, the step records
 * {@code NOT_ASKED}, and on a case that ever had a concern the question goes to the team's safety task.
 */
@Component
class SafetyCheckGate implements StepCompletionCheck {

    static final Set<String> ASKED_AT = Set.of(RoutekaartIds.PLAN, RoutekaartIds.EVALUATIE);

    private final SafetyConcerns concerns;
    private final SafetyCheckService checks;
    private final CaseAccess access;
    private final SupportCaseService cases;

    SafetyCheckGate(SafetyConcerns concerns, SafetyCheckService checks, CaseAccess access, SupportCaseService cases) {
        this.concerns = concerns;
        this.checks = checks;
        this.access = access;
        this.cases = cases;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Object> check(UUID caseId, String taskKey, String actor, StepInput input) {
        if (!ASKED_AT.contains(taskKey) || !(input instanceof AsksSafety asked)) {
            return Map.of();
        }
        boolean answered = asked.safetyCheck() != null && !asked.safetyCheck().isEmpty();
        if (CurrentUser.current().isPresent() && !access.allows(DataCategory.SAFETY_CHECK, AccessAction.CREATE)) {
            return notTheirsToAsk(caseId, actor, answered || asked.lastingRisk() != null);
        }
        if (!answered && !concerns.everHadSafetyConcern(caseId)) {
            return Map.of(RouteVariables.SAFETY_CHECK_RESULT, "NOT_ASKED");
        }
        SafetyCheck check = checks.record(caseId, taskKey, asked.safetyCheck(), asked.lastingRisk(), actor);
        return Map.of(RouteVariables.SAFETY_CHECK_RESULT, check.isEveryoneSafe() ? "SAFE" : "UNSAFE");
    }

    /**
     * The partner's path: decided before the case is looked at, so the refusal cannot tell a concern case from
     * another; afterwards the team's safety task (the veiligheidsSignaal event subprocess) asks instead.
     */
    private Map<String, Object> notTheirsToAsk(UUID caseId, String actor, boolean sentSafetyAnswers) {
        if (sentSafetyAnswers) {
            throw new InvalidInputException("safetyCheck",
                    "safetyCheck is voor het wijkteam; laat het veld weg, het team stelt de veiligheidsvraag.");
        }
        if (concerns.everHadSafetyConcern(caseId)) {
            cases.raiseSafetySignal(caseId, actor);
        }
        return Map.of(RouteVariables.SAFETY_CHECK_RESULT, "NOT_ASKED");
    }
}
