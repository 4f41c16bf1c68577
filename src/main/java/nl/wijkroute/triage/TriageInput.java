package nl.wijkroute.triage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.wijkroute.route.step.StepInput;

/** Completing triage: urgency and safety first, then the scope of the problems and the route choice. */
public record TriageInput(
        @NotNull Urgency urgency,
        @NotNull Boolean safetyConcern,
        @NotNull ProblemScope problemScope,
        @NotNull TriageRoute route,
        @NotBlank @Size(max = 4000) String summary,
        @Size(max = 2000) String reason) implements StepInput {
}
