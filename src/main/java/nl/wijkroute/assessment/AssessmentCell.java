package nl.wijkroute.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/** One cell of the grid with its address, for recording several at once (the grid form, the evaluatie step). */
public record AssessmentCell(@NotNull UUID memberId, @NotNull Leefgebied leefgebied,
                             @Schema(implementation = AssessmentRequest.class) @NotNull @Valid AssessmentRequest assessment) {
}
