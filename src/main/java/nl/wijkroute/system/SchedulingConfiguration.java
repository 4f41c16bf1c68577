package nl.wijkroute.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic work (stagnation detection). Off in tests, which call the work directly. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "wijkroute.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
