package nl.wijkroute.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Keycloak client operators log in to Cockpit with.
 *
 * @param clientId     a client of the realm whose tokens carry the API's client roles (audience wijkroute-api)
 * @param clientSecret empty: a public client with PKCE (dev); set it for a confidential client (production)
 */
@ConfigurationProperties("wijkroute.cockpit")
public record CockpitProperties(@DefaultValue("wijkroute-cockpit") String clientId, @DefaultValue("") String clientSecret) {
}
