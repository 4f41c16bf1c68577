package nl.wijkroute.household;

import java.util.UUID;

/**
 * A household as other modules refer to it (the case opened for it, a list row): its id, name and where it
 * lives, household's read model, so no other module handles the {@link Household} entity.
 */
public record HouseholdSummary(UUID id, String displayName, String wijkId, String teamId) {

    static HouseholdSummary of(Household household) {
        return new HouseholdSummary(household.getId(), household.getDisplayName(), household.getWijk().getId(),
                household.getWijk().getTeam().getId());
    }
}
