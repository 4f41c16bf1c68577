package nl.wijkroute.safety;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.wijkroute.route.step.OutcomeInput;

/**
 * Completing "Veilig Thuis is aan zet": Veilig Thuis keeps the case, so the team's support ends (nazorg).
 * Veilig Thuis handing the case back is not this task's outcome but its own request (with the voorwaarden).
 */
public record VeiligThuisInput(@NotNull Outcome outcome, @Size(max = 2000) String reason)
        implements OutcomeInput<VeiligThuisInput.Outcome> {

    public enum Outcome { VT_KEEPS_CASE }
}
