package nl.wijkroute.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Registering or changing a partner organisation (admin). */
public record OrganisationRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                message = "kleine letters, cijfers en streepjes, bijvoorbeeld ggz-breburg") String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganisationType type,
        Boolean active) {
}
