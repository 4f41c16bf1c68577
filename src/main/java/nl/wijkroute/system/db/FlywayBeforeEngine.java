package nl.wijkroute.system.db;

import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway owns the schema, including the engine's tables (V1). The engine starts with schema-update
 * off and fails when its tables are missing, so it must only start after Flyway has migrated.
 * Spring Boot orders JPA after Flyway on its own; for the engine we add the dependency here.
 */
@Configuration(proxyBeanMethods = false)
public class FlywayBeforeEngine {

    private static final String FLYWAY_INITIALIZER = "flywayInitializer";

    @Bean
    static BeanFactoryPostProcessor engineDependsOnFlyway() {
        return beanFactory -> {
            if (!beanFactory.containsBeanDefinition(FLYWAY_INITIALIZER)) {
                return;
            }
            for (String name : beanFactory.getBeanNamesForType(ProcessEngine.class, true, false)) {
                addDependsOn(beanFactory, name);
            }
        };
    }

    private static void addDependsOn(ConfigurableListableBeanFactory beanFactory, String beanName) {
        String definitionName = beanName.startsWith("&") ? beanName.substring(1) : beanName;
        if (!beanFactory.containsBeanDefinition(definitionName)) {
            return;
        }
        BeanDefinition definition = beanFactory.getBeanDefinition(definitionName);
        String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
        if (Arrays.asList(dependsOn).contains(FLYWAY_INITIALIZER)) {
            return;
        }
        String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
        extended[dependsOn.length] = FLYWAY_INITIALIZER;
        definition.setDependsOn(extended);
    }
}
