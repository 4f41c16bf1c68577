package nl.wijkroute.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A household as other modules show it (the case file): household's read model, so members are read
 * here and never handled as entities elsewhere. Members never carry their BSN, only whether one is known.
 */
public record HouseholdView(UUID id, String displayName, String wijk, String postcode, List<Member> members) {

    public record Member(UUID id, String givenName, String familyName, LocalDate birthDate, boolean bsnKnown) {
    }

    /** Reads the members the caller loaded with the household (no query of its own). */
    public static HouseholdView of(Household household) {
        return new HouseholdView(household.getId(), household.getDisplayName(), household.getWijk().getId(),
                household.getPostcode(), membersOf(household));
    }

    /** The members only, for a reader that needs nothing else of the household (loads them if not loaded yet). */
    public static List<Member> membersOf(Household household) {
        return household.getMembers().stream()
                .map(member -> new Member(member.getId(), member.getGivenName(), member.getFamilyName(),
                        member.getBirthDate(), member.hasBsn()))
                .toList();
    }
}
