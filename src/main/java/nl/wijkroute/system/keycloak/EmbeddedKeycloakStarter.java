package nl.wijkroute.system.keycloak;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Dev profile: starts Keycloak before the context refreshes, so it boots (about 20 s) while the
 * database, Flyway and the engine start instead of after them. Registered in spring.factories.
 * {@link EmbeddedKeycloakConfiguration} then holds the start-up until the realm answers.
 */
public class EmbeddedKeycloakStarter implements ApplicationListener<ApplicationPreparedEvent> {

    static final String BEAN_NAME = "keycloakLauncher";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        Environment environment = context.getEnvironment();
        if (!environment.getProperty("wijkroute.keycloak.embedded", Boolean.class, false)
                || context.getBeanFactory().containsSingleton(BEAN_NAME)) {
            return;
        }
        KeycloakProperties properties = Binder.get(environment).bindOrCreate("wijkroute.keycloak", KeycloakProperties.class);
        KeycloakLauncher launcher = new KeycloakLauncher(properties);
        launcher.start();
        DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
        beanFactory.registerSingleton(BEAN_NAME, launcher);
        // Also runs when the context fails to start, so a failed start never leaves Keycloak behind.
        beanFactory.registerDisposableBean(BEAN_NAME, launcher::close);
    }
}
