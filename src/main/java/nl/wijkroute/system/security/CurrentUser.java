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
        return List.copyOf(groups);
    }
}
