package nl.wijkroute.household;

import java.util.UUID;

/**
 * A household as other modules refer to it (the case opened for it, a list row): its id, name and where it
 * lives, household's read model, so no other module handles the {@link Household} entity. {@code registeredNow}:
 * registered by this transaction, so nothing of another module can refer to it yet (a signal for it needs no look
 * for the household's open case, decision 0076).
 */
public record HouseholdSummary(UUID id, String displayName, String wijkId, String teamId, boolean registeredNow) {

    static HouseholdSummary of(Household household) {
        return of(household, false);
    }

    static HouseholdSummary registered(Household household) {
        return of(household, true);
    }

    private static HouseholdSummary of(Household household, boolean registeredNow) {
        return new HouseholdSummary(household.getId(), household.getDisplayName(), household.getWijk().getId(),
                household.getWijk().getTeam().getId(), registeredNow);
    }
}
