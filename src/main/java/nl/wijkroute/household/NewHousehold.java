package nl.wijkroute.household;

import java.util.List;

/** What is needed to register a household the system does not know yet. */
public record NewHousehold(String displayName, String wijkId, String postcode, List<NewMember> members) {

    public record NewMember(String givenName, String familyName, java.time.LocalDate birthDate, String bsn) {
    }
}
