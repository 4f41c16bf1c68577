package nl.wijkroute.system.admission;

import io.micrometer.core.instrument.MeterRegistry;
import nl.wijkroute.system.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The API's admission (decision 0068): how many requests under {@code /api/} run at once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiAdmissionProperties.class)
class ApiAdmissionConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ApiAdmissionConfiguration.class);

    /**
     * Right after the request's observation ({@code http.server.requests}, order highest + 1), so the time a request
     * waits counts in its measured latency as it does for the caller, and before Spring Security (order -100), so a
     * waiting request has not yet decoded its token or touched the database.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<ApiAdmissionFilter> apiAdmission(ApiAdmissionProperties properties, ServerProperties server,
                                                            ProblemWriter problems, MeterRegistry meters) {
        int limit = properties.limit(Runtime.getRuntime().availableProcessors());
        int waiting = properties.waiting(limit, server.getTomcat().getThreads().getMax());
        if (properties.maxWaiting() == null && waiting < limit) { // derived, not chosen: the operator should know
            LOG.warn("API admission: Tomcat's {} request threads leave room for only {} waiting API requests beside {}"
                    + " running ones; more are answered 503 at once. Raise server.tomcat.threads.max (decision 0068).",
                    server.getTomcat().getThreads().getMax(), waiting, limit);
        }
        FilterRegistrationBean<ApiAdmissionFilter> registration = new FilterRegistrationBean<>(
                new ApiAdmissionFilter(limit, waiting, properties.maxWait(), problems, meters));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
