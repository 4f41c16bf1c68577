package nl.wijkroute.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** One member on one leefgebied: a score, or explicitly "niet van toepassing" / "niet besproken, omdat …". */
public record AssessmentRequest(
        @Schema(description = "Zelfredzaamheid 1–5: 1 acute problematiek, 2 niet zelfredzaam, 3 beperkt zelfredzaam, "
                + "4 voldoende zelfredzaam, 5 volledig zelfredzaam. Verplicht bij status ASSESSED, leeg bij de andere.")
        @Min(1) @Max(5) Integer score,
        @Schema(description = "Wat het huishouden zelf zegt") @Size(max = 4000) String ownWords,
        @Size(max = 4000) String strengths,
        @Schema(description = "Wie in het netwerk kan helpen") @Size(max = 4000) String network,
        @Schema(description = "ASSESSED (standaard), NIET_VAN_TOEPASSING of NIET_BESPROKEN") AssessmentStatus status,
        @Schema(description = "Waarom niet besproken (verplicht bij NIET_BESPROKEN)") @Size(max = 2000) String reason) {

    /** The pre-grid shape (a score only), kept for callers that only score. */
    public AssessmentRequest(Integer score, String ownWords, String strengths, String network) {
        this(score, ownWords, strengths, network, null, null);
    }

    AssessmentStatus statusOrDefault() {
        return status == null ? AssessmentStatus.ASSESSED : status;
    }
}
