package nl.wijkroute.safety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.wijkroute.route.step.AsksSafety;
import nl.wijkroute.route.step.SafetyAnswer;

/**
 * Completing the safety task after a new safety signal ({@code veiligheidNieuwSignaal}): the safety question
 * per member, whether the risk is lasting, and what the team did (the reason, e.g. "Veilig Thuis
 * geraadpleegd, moeder en kind bij oma").
 */
public record SafetyCheckSignalInput(@NotEmpty @Size(max = 20) List<@NotNull @Valid SafetyAnswer> safetyCheck,
                                     Boolean lastingRisk,
                                     @Size(max = 2000) String reason) implements AsksSafety {
}
