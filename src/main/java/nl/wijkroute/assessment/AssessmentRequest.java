package nl.wijkroute.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One member on one leefgebied. */
public record AssessmentRequest(
        @Schema(description = "Zelfredzaamheid 1–5: 1 acute problematiek, 2 niet zelfredzaam, 3 beperkt zelfredzaam, "
                + "4 voldoende zelfredzaam, 5 volledig zelfredzaam")
        @NotNull @Min(1) @Max(5) Integer score,
        @Schema(description = "Wat het huishouden zelf zegt") @Size(max = 4000) String ownWords,
        @Size(max = 4000) String strengths,
        @Schema(description = "Wie in het netwerk kan helpen") @Size(max = 4000) String network) {
}
