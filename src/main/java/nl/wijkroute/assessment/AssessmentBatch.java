package nl.wijkroute.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Several cells of the grid recorded together, in one transaction. */
public record AssessmentBatch(@NotEmpty @Size(max = 300) List<@NotNull @Valid AssessmentCell> assessments) {
}
