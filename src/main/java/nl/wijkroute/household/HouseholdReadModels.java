package nl.wijkroute.household;

import nl.wijkroute.system.ReadBy;

/**
 * The household module's read models for other modules' SQL (decision 0052): PostgreSQL views created in Flyway
 * migrations, one constant per view holding its name. The columns are what the readers need, no free text. The
 * constants are compile-time constants on purpose: an annotation's query can use them, and javac copies them into
 * the reader, so Spring Modulith does not count a view as a module dependency (a view read by the access gate would
 * otherwise close a cycle); {@code SqlBoundaryTest} is what keeps SQL to a module's own tables and these views.
 */
public final class HouseholdReadModels {

    /**
     * One row per household: {@code id, case_file_erased_at, personal_data_erased_at} (how far it has been erased).
     * Read by privacy.retention (which households are still to be erased).
     */
    public static final String ERASURE_STATE_VIEW = "household_erasure_state_view";

    /**
     * A member with a known BSN and their household, one row per such member (a BSN is unique, V2).
     * Columns: {@code member_id}, {@code household_id}, {@code household_name} (the household's display name),
     * {@code bsn}. Read by privacy.resident to find the household a resident signed in with DigiD belongs to;
     * the BSN is theirs, the view is for no other reader.
     */
    @ReadBy("privacy.resident")
    public static final String MEMBER_BY_BSN_VIEW = "household_member_by_bsn_view";

    /**
     * How to reach a wijkteam, one row per team. Columns: {@code id}, {@code name}, {@code phone}, {@code email}
     * (the team's own contact details, no person's). Read by privacy.resident to show the regisseur's team.
     */
    public static final String TEAM_CONTACT_VIEW = "household_team_contact_view";

    /**
     * A household's name as lists show it, one row per household. Columns: {@code id}, {@code display_name}. Read by
     * route: the werkbak page, and a claimed task's answer, name each task's household in the statement that reads the
     * tasks' cases (decision 0061). A name is personal data, so no other module reads it here (the case file gets the
     * household through the API).
     */
    @ReadBy("route")
    public static final String DISPLAY_NAME_VIEW = "household_display_name_view";

    private HouseholdReadModels() {
    }
}
