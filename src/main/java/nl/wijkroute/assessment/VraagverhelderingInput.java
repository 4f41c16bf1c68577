package nl.wijkroute.assessment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.wijkroute.route.step.OutcomeInput;

/** Completing vraagverheldering: on to the plan with the real question, or back to triage with a reason. */
public record VraagverhelderingInput(@NotNull VraagverhelderingOutcome outcome,
                                     @Size(max = 4000) String realQuestion,
                                     @Size(max = 2000) String reason) implements OutcomeInput<VraagverhelderingOutcome> {
}
