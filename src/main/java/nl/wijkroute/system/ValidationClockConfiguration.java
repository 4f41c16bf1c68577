package nl.wijkroute.system;

import java.time.Clock;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @PastOrPresent} and its kin judge dates by the municipality's calendar day and the application's
 * one clock. With the JVM's zone (UTC on a server) a consulent entering today's date between midnight and
 * 01:00 or 02:00 Dutch time would be told it lies in the future.
 */
@Configuration(proxyBeanMethods = false)
class ValidationClockConfiguration {


    @Bean
    ValidationConfigurationCustomizer municipalityClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock.withZone(MunicipalTime.ZONE));
    }
}
