package nl.wijkroute.system.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The signed-in worker as the token describes them: user name, realm roles and the team, wijk and
 * organisation claims. Route tasks are offered to candidate groups: the team id and role-wide groups.
 */
public record CurrentUser(String username, Set<String> roles, String team, String wijk, String organisation) {

    /** The front office picks up triage for every team. */
    public static final String FRONTOFFICE_GROUP = "frontoffice";

    /** The candidate group of tasks meant for a partner organisation (e.g. a warme overdracht to accept). */
    public static String organisationGroup(String organisation) {
        return "org:" + organisation;
    }

    /** The team or organisation this user acts for. */
    public String actingFor() {
        return team != null && !team.isBlank() ? team : organisation;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The candidate groups this user may take tasks from. */
    public List<String> candidateGroups() {
        Set<String> groups = new LinkedHashSet<>();
        if (team != null && !team.isBlank()) {
            groups.add(team);
        }
        if (hasRole(Roles.FRONTOFFICE)) {
            groups.add(FRONTOFFICE_GROUP);
        }
        if (organisation != null && !organisation.isBlank()) {
            groups.add(organisationGroup(organisation));
        }
        return List.copyOf(groups);
    }
}
