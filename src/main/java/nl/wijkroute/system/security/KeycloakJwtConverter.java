package nl.wijkroute.system.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a Keycloak access token: the roles of the API's own client ({@code resource_access.<client>.roles})
 * become ROLE_ authorities; realm roles are ignored (in a shared municipal realm "admin" or "manager" may
 * mean something for another application). The user is known by the stable {@code sub};
 * {@code preferred_username} is only their name on screen.
 */
public class KeycloakJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String USERNAME_CLAIM = "preferred_username";
    static final String ROLE_PREFIX = "ROLE_";

    private final String client;

    /** @param client the API's client id (the token's audience) whose client roles count */
    public KeycloakJwtConverter(String client) {
        this.client = client;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new WorkerAuthentication(jwt, authorities(jwt));
    }

    static String username(Jwt jwt) {
        String username = jwt.getClaimAsString(USERNAME_CLAIM);
        return username != null ? username : jwt.getSubject();
    }

    static List<String> clientRoles(Jwt jwt, String client) {
        Map<String, Object> resourceAccess = jwt.getClaimAsMap("resource_access");
        if (resourceAccess == null || !(resourceAccess.get(client) instanceof Map<?, ?> access)
                || !(access.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf).toList();
    }

    private Collection<GrantedAuthority> authorities(Jwt jwt) {
        return clientRoles(jwt, client).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(ROLE_PREFIX + role)).toList();
    }
}
