package nl.wijkroute.route.step;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * One household member's answer to "is iedereen nu veilig, en hoe weten we dat": safe yes/no and how the
 * team knows (who was seen or spoken to, what was checked). The safety module owns the rule of when it is
 * asked and what a "no" means; the step inputs only carry it.
 */
public record SafetyAnswer(@NotNull UUID memberId, @NotNull Boolean safe, @NotBlank @Size(max = 2000) String howWeKnow) {

    @Override
    public String toString() {
        // Free text about a household member: never in a log line.
        return "SafetyAnswer[redacted]";
    }
}
