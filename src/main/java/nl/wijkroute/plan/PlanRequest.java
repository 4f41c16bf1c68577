package nl.wijkroute.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/**
 * A whole plan as the worker and household wrote it. Goals and actions keep their id across versions
 * when the client sends it back, so the difference between versions stays readable.
 *
 * @param basedOnVersion the version this edit starts from (required when changing; a stale one gets 409)
 */
public record PlanRequest(
        @Min(1) Integer basedOnVersion,
        @Size(max = 2000) String changeNote,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid GoalRequest> goals) {

    public record GoalRequest(
            UUID id,
            @NotNull Leefgebied leefgebied,
            UUID memberId,
            @NotBlank @Size(max = 2000) String description,
            @NotBlank @Size(max = 2000) String result,
            @NotNull @FutureOrPresent LocalDate targetDate,
            @Size(max = 30) List<@NotNull @Valid ActionRequest> actions,
            Boolean sharedWithHousehold) {

        /** A goal that leaves the household marker to its default (see {@link PlanContent.Goal}). */
        public GoalRequest(UUID id, Leefgebied leefgebied, UUID memberId, String description, String result,
                           LocalDate targetDate, List<ActionRequest> actions) {
            this(id, leefgebied, memberId, description, result, targetDate, actions, null);
        }
    }

    public record ActionRequest(
            UUID id,
            @NotBlank @Size(max = 2000) String description,
            @NotNull PlanContent.OwnerType ownerType,
            @Size(max = 64) String organisationId,
            @Size(max = 100) String professional,
            @NotNull PlanContent.ActionStatus status) {
    }
}
