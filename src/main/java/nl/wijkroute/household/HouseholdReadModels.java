package nl.wijkroute.household;

/**
 * The read models the household module publishes for other modules' SQL (decision 0052/0053): PostgreSQL views
 * created in db/migration, so no other module reads the household, household_member or team tables. Reference
 * the constant in the reader's SQL, so the dependency shows in the module graph.
 */
public final class HouseholdReadModels {

    /**
     * A member with a known BSN and their household, one row per such member (a BSN is unique, V2).
     * Columns: {@code member_id}, {@code household_id}, {@code household_name} (the household's display name),
     * {@code bsn}. Read by privacy.resident to find the household a resident signed in with DigiD belongs to;
     * the BSN is theirs, the view is for no other reader.
     */
    public static final String MEMBER_BY_BSN = view("household_member_by_bsn_view");

    /**
     * How to reach a wijkteam, one row per team. Columns: {@code id}, {@code name}, {@code phone}, {@code email}
     * (the team's own contact details, no person's). Read by privacy.resident to show the regisseur's team.
     */
    public static final String TEAM_CONTACT = view("household_team_contact_view");

    private HouseholdReadModels() {
    }

    /**
     * Returns the name as it is: a method call, so the constant is not a compile-time constant. Javac would copy
     * a literal into the reader's class, and Spring Modulith (which reads bytecode) would not see the reader
     * depend on this module.
     */
    private static String view(String name) {
        return name;
    }
}
