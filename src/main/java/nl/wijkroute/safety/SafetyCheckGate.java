package nl.wijkroute.safety;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.route.RouteVariables;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.step.AsksSafety;
import nl.wijkroute.route.step.StepCompletionCheck;
import nl.wijkroute.route.step.StepInput;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan step and every evaluatie of a case that ever had a safety concern ask "is iedereen nu veilig, en
 * hoe weten we dat" per member (seed 003, veilige leefomgeving: "een actueel beeld van de veiligheid van
 * alle gezinsleden"). The answers are recorded; a "no" for anyone sets {@code safetyCheckResult = UNSAFE},
 * and the BPMN's planChoice/evaluatieChoice send the route to {@code veiligheid}. A case without a concern
 * may answer (recorded too) but need not.
 */
@Component
class SafetyCheckGate implements StepCompletionCheck {

    static final Set<String> ASKED_AT = Set.of(RoutekaartIds.PLAN, RoutekaartIds.EVALUATIE);

    private final SafetyConcerns concerns;
    private final SafetyCheckService checks;

    SafetyCheckGate(SafetyConcerns concerns, SafetyCheckService checks) {
        this.concerns = concerns;
        this.checks = checks;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Object> check(UUID caseId, String taskKey, String actor, StepInput input) {
        if (!ASKED_AT.contains(taskKey) || !(input instanceof AsksSafety asked)) {
            return Map.of();
        }
        boolean answered = asked.safetyCheck() != null && !asked.safetyCheck().isEmpty();
        if (!answered && !concerns.everHadSafetyConcern(caseId)) {
            return Map.of(RouteVariables.SAFETY_CHECK_RESULT, "NOT_ASKED");
        }
        SafetyCheck check = checks.record(caseId, taskKey, asked.safetyCheck(), asked.lastingRisk(), actor);
        return Map.of(RouteVariables.SAFETY_CHECK_RESULT, check.isEveryoneSafe() ? "SAFE" : "UNSAFE");
    }
}
