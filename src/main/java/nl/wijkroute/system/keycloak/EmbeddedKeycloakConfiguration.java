package nl.wijkroute.system.keycloak;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Dev profile: the application only reports ready once the Keycloak started by {@link EmbeddedKeycloakStarter} answers. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wijkroute.keycloak.embedded", havingValue = "true")
class EmbeddedKeycloakConfiguration {

    /** Blocks the end of start-up until Keycloak is ready, so the banner never points at a dead URL. */
    @Bean
    SmartLifecycle keycloakReady(KeycloakLauncher launcher) {
        return new SmartLifecycle() {
            private boolean running;

            @Override
            public void start() {
                launcher.awaitReady();
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MIN_VALUE; // before the web server starts taking requests
            }
        };
    }
}
