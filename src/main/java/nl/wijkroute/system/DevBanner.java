package nl.wijkroute.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** After a dev start: where everything is and how to log in, so a newcomer can start scripting at once. */
@Component
@ConditionalOnProperty(name = "wijkroute.keycloak.embedded", havingValue = "true")
class DevBanner {

    private static final Logger log = LoggerFactory.getLogger(DevBanner.class);

    private final int port;
    private final int keycloakPort;

    DevBanner(@Value("${server.port}") int port, @Value("${wijkroute.keycloak.port}") int keycloakPort) {
        this.port = port;
        this.keycloakPort = keycloakPort;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printBanner(ApplicationReadyEvent event) {
        String api = "http://localhost:" + port;
        String keycloak = "http://127.0.0.1:" + keycloakPort;
        log.info("""

                ================================================================================
                 Wijkroute draait (dev) — klaar na {} s
                   API          {}/api/v1
                   Swagger UI   {}/swagger-ui.html   (OpenAPI: {}/v3/api-docs)
                   Health       {}/actuator/health
                   Keycloak     {}/admin   (realm 'wijkroute'; master admin: admin / admin)
                 Demo-logins (wachtwoord = gebruikersnaam):
                   frontoffice · wijkcoach (team Noord) · wijkcoach2 (team Zuid) · toegang
                   procesregisseur · partner-ggz · partner-schuldhulp · manager · admin
                 Token halen:
                   curl -s -d grant_type=password -d client_id=wijkroute-cli -d username=wijkcoach \\
                        -d password=wijkcoach {}/realms/wijkroute/protocol/openid-connect/token
                ================================================================================
                """, String.format("%.1f", event.getTimeTaken().toMillis() / 1000.0), api, api, api, api, keycloak, keycloak);
    }
}
