package nl.wijkroute.system.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a bearer token must say besides its issuer before the API believes it.
 *
 * @param audience the API's own client id: it must be in {@code aud}, and the API's roles are read from
 *                 {@code resource_access.<audience>.roles} (never from realm roles, which every client
 *                 of a shared municipal realm carries)
 * @param clients  the clients that may call the API for a user ({@code azp}): a token another client of
 *                 the same realm obtained (admin-cli, an account console) is refused even if Keycloak
 *                 put the API in its audience
 */
@ConfigurationProperties("wijkroute.security")
public record TokenProperties(@DefaultValue("wijkroute-api") String audience,
                              @DefaultValue({"wijkroute-cli", "wijkroute-dashboard"}) List<String> clients) {

    public TokenProperties {
        clients = List.copyOf(clients);
    }
}
