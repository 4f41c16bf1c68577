package nl.wijkroute.system.security;

import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

/**
 * Spring Security matches requests with path patterns of its own, and Spring MVC's handler is looked up once per
 * request, by the {@code DispatcherServlet} (issue 14, decision 0069).
 *
 * <p>Spring Security 6.5 by default matches a rule such as {@code requestMatchers(GET, "/api/v1/cases/{id}")} by asking
 * Spring MVC which handler the request goes to, and so wraps its filter chain in Spring MVC's
 * {@code HandlerMappingIntrospector} cache filter, which looks the handler up for every request before the chain runs,
 * whether a matcher asks or not. The {@code DispatcherServlet} then looks it up again: twice per request, through
 * every mapping of the API (4.8 % of the request threads' CPU in the route benchmark's profile, the dispatcher's own
 * lookup 3.8 %). Spring Security 7 drops this way of matching; this is that step taken now.
 */
@Configuration(proxyBeanMethods = false)
class RequestMatchingConfiguration {

    /** Class of the cache filter's factory that Spring Security 6.5 (package-private) puts in front of its chain. */
    static final String INTROSPECTOR_CACHE_FILTER =
            "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration"
                    + "$HandlerMappingIntrospectorCacheFilterFactoryBean";

    /**
     * Every {@code requestMatchers(String…)} of the filter chains becomes a {@code PathPatternRequestMatcher} with
     * Spring MVC's own path pattern parser: the same patterns, matched on the request's path by Spring Security itself.
     */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Takes the handler-lookup cache filter back out of {@code springSecurityFilterChain}: no matcher asks Spring MVC
     * any more, so the lookup it makes for every request served nothing. Runs as a bean factory post-processor, after
     * every bean definition registry post-processor (Spring Security wraps the chain in one of those), and changes only
     * the list of filters of that composite; the chain's own filters and their order stay as they are.
     * {@code RequestMatchingTest} checks that the lookup is gone and that no matcher misses it.
     */
    @Bean
    static BeanFactoryPostProcessor securityChainWithoutHandlerLookup() {
        return beanFactory -> {
            if (!beanFactory.containsBeanDefinition(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME)) {
                return;
            }
            BeanDefinition chain = beanFactory.getBeanDefinition(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME);
            for (var argument : chain.getConstructorArgumentValues().getIndexedArgumentValues().values()) {
                if (argument.getValue() instanceof List<?> filters) {
                    filters.removeIf(filter -> filter instanceof BeanDefinition definition
                            && INTROSPECTOR_CACHE_FILTER.equals(definition.getBeanClassName()));
                }
            }
        };
    }
}
