package nl.wijkroute.signal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;
import nl.wijkroute.household.ValidBsn;
import nl.wijkroute.triage.Urgency;

/**
 * A signal about a household: either a known household ({@code householdId}) or the data of one
 * the system may not know yet ({@code household}); exactly one of the two. Rules across fields are
 * checked by {@link SignalService} and reported under the field's name.
 */
public record SignalRequest(
        UUID householdId,
        @Valid HouseholdData household,
        @NotNull SourceType sourceType,
        @Size(max = 200) String sourceOrganisation,
        @NotBlank @Size(max = 4000) String description,
        @Size(max = 15) Set<@NotNull Leefgebied> leefgebieden,
        @NotNull Urgency urgency,
        @NotNull Boolean safetyConcern) {

    public record HouseholdData(
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Size(max = 64) String wijk,
            @Pattern(regexp = "^[1-9][0-9]{3} ?[A-Z]{2}$", message = "moet een postcode zijn, bijvoorbeeld 4901 AB")
            String postcode,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid Member> members) {
    }

    public record Member(
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate birthDate,
            @ValidBsn String bsn) {

        @Override
        public String toString() {
            // Never print the BSN or names, e.g. when a request object ends up in a log line.
            return "Member[redacted]";
        }
    }

    @Override
    public String toString() {
        return "SignalRequest[redacted]";
    }
}
