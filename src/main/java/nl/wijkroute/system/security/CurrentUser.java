package nl.wijkroute.system.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in worker as the token describes them: the stable id ({@code sub}, the key under which
 * their work is recorded), the user name (display only: it can be renamed), the API's client roles and
 * the team, wijk and organisation claims. Route tasks are offered to candidate groups: the team id and
 * role-wide groups.
 */
public record CurrentUser(String id, String username, Set<String> roles, String team, String wijk, String organisation,
                          Set<String> laws, String bsn) {

    public CurrentUser(String id, String username, Set<String> roles, String team, String wijk, String organisation) {
        this(id, username, roles, team, wijk, organisation, Set.of(), null);
    }

    public CurrentUser {
        roles = Set.copyOf(roles);
        laws = laws == null ? Set.of() : Set.copyOf(laws);
    }

    /**
     * The user of the current request, read from its bearer token; empty for work without a user
     * (engine jobs, the scheduler, the demo loader).
     */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof WorkerAuthentication worker) {
            return Optional.of(worker.worker());
        }
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        return Optional.of(of(token));
    }

    /** The worker a verified token describes, with the roles its converter granted. */
    static CurrentUser of(JwtAuthenticationToken token) {
        Jwt jwt = token.getToken();
        List<String> laws = jwt.hasClaim("laws") ? jwt.getClaimAsStringList("laws") : List.of();
        // The roles the converter granted (the API's client roles), so this never reads the token differently.
        Set<String> roles = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(KeycloakJwtConverter.ROLE_PREFIX))
                .map(authority -> authority.substring(KeycloakJwtConverter.ROLE_PREFIX.length()))
                .collect(Collectors.toSet());
        return new CurrentUser(jwt.getSubject(), KeycloakJwtConverter.username(jwt), roles,
                jwt.getClaimAsString("team"), jwt.getClaimAsString("wijk"), jwt.getClaimAsString("organisation"),
                Set.copyOf(laws), jwt.getClaimAsString("bsn"));
    }

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
