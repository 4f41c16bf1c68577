package nl.wijkroute.plan;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The household agreed to this version: when, how and who of the household. */
public record AgreementRequest(
        @NotNull @Min(1) Integer basedOnVersion,
        @NotNull @PastOrPresent Instant agreedAt,
        @NotNull PlanContent.AgreementForm form,
        @NotBlank @Size(max = 200) String agreedBy) {
}
