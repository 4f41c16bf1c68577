package nl.wijkroute.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A household as other modules show it (the case file): household's read model, so members are read
 * in household (a projection, {@link HouseholdService#view}) and never handled as entities elsewhere. Members
 * never carry their BSN, only whether one is known.
 */
public record HouseholdView(UUID id, String displayName, String wijk, String postcode, List<Member> members) {

    public record Member(UUID id, String givenName, String familyName, LocalDate birthDate, boolean bsnKnown) {
    }
}
