package nl.wijkroute.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One row of a household read with its members as a projection (decision 0061): the household's columns repeated on
 * every member's row, the member's columns null for a household without members. No entity is built for a page that
 * only shows the household, and the member's BSN is read only as whether one is known.
 */
record HouseholdMemberRow(UUID householdId, String displayName, String wijkId, String postcode, UUID memberId,
                          String givenName, String familyName, LocalDate birthDate, Boolean bsnKnown) {

    /** The household with its members, in the rows' order; null for no rows (no such household). */
    static HouseholdView toView(List<HouseholdMemberRow> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        HouseholdMemberRow first = rows.get(0);
        return new HouseholdView(first.householdId(), first.displayName(), first.wijkId(), first.postcode(), members(rows));
    }

    private static List<HouseholdView.Member> members(List<HouseholdMemberRow> rows) {
        return rows.stream().filter(row -> row.memberId() != null)
                .map(row -> new HouseholdView.Member(row.memberId(), row.givenName(), row.familyName(), row.birthDate(),
                        Boolean.TRUE.equals(row.bsnKnown())))
                .toList();
    }
}
