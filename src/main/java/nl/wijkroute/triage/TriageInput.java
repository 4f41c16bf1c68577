package nl.wijkroute.triage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import nl.wijkroute.household.Leefgebied;
import nl.wijkroute.route.step.StepInput;

/** Completing triage: urgency and safety first, then the scope of the problems and the route choice. */
public record TriageInput(
        @NotNull Urgency urgency,
        @NotNull Boolean safetyConcern,
        @NotNull ProblemScope problemScope,
        @NotNull TriageRoute route,
        @NotBlank @Size(max = 4000) String summary,
        @Size(max = 2000) String reason,
        @Size(max = 15) Set<@NotNull Leefgebied> leefgebieden)
        implements StepInput {

    /** Triage without extra leefgebieden beyond those the signals named. */
    public TriageInput(Urgency urgency, Boolean safetyConcern, ProblemScope problemScope, TriageRoute route,
                       String summary, String reason) {
        this(urgency, safetyConcern, problemScope, route, summary, reason, null);
    }
}
