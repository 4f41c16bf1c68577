package nl.wijkroute.route.step;

import java.util.List;

/**
 * A step input that carries the safety question per household member (plan, evaluatie, the safety task
 * after a new signal). Whether the answers are required, and where a "no" leads, is decided by the
 * {@link StepCompletionCheck} the safety module registers, not by the step.
 */
public interface AsksSafety extends StepInput {

    /** One answer per household member; null when the team did not answer (refused where it is required). */
    List<SafetyAnswer> safetyCheck();

    /** The team judges the risk lasting: the case gets the long nazorg with repeated checks. Null is no. */
    Boolean lastingRisk();
}
