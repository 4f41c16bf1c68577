package nl.wijkroute.system.keycloak;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Keycloak that the dev profile starts next to the application.
 *
 * @param embedded       start it (dev); prod and tests leave it off
 * @param port           HTTP port on 127.0.0.1 (WIJKROUTE_KEYCLOAK_PORT)
 * @param home           the unpacked keycloak-quarkus-dist (Maven passes it as wijkroute.keycloak.home)
 * @param startupTimeout how long to wait for the realm to answer
 * @param inMemory       keep Keycloak's own data in memory (tests) instead of its data directory (dev)
 */
@ConfigurationProperties("wijkroute.keycloak")
public record KeycloakProperties(
        boolean embedded,
        @DefaultValue("8180") int port,
        Path home,
        @DefaultValue("120s") Duration startupTimeout,
        boolean inMemory) {
}
