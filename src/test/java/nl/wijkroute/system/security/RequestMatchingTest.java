package nl.wijkroute.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.List;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.filter.CompositeFilter;

/**
 * Spring MVC's handler is looked up once per request (decision 0069): Spring Security matches with path patterns of its
 * own, and the handler-lookup cache filter Spring Security 6.5 puts in front of its chain is gone. The rules themselves
 * (who may call what, paths with variables included) are checked by {@code AuthorizationMatrixTest} and every API test.
 */
class RequestMatchingTest extends ApiTestSupport {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter springSecurityFilterChain;

    @Autowired
    FilterChainProxy filterChains;

    @Test
    void noFilterInFrontOfTheSecurityChainLooksUpTheHandler() {
        List<String> filters = new ArrayList<>();
        collectFilters(springSecurityFilterChain, filters);
        assertThat(filters).as("filters wrapped around Spring Security's chain")
                .isNotEmpty()
                .noneMatch(filter -> filter.contains("HandlerMappingIntrospector"));
    }

    @Test
    void everyMatcherOfEveryChainMatchesPathsItself() {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (SecurityFilterChain chain : filterChains.getFilterChains()) {
            matchers.add(((DefaultSecurityFilterChain) chain).getRequestMatcher());
            chain.getFilters().stream().filter(AuthorizationFilter.class::isInstance)
                    .map(filter -> ((AuthorizationFilter) filter).getAuthorizationManager())
                    .forEach(manager -> matchers.addAll(ruleMatchers(manager)));
        }
        List<RequestMatcher> leaves = new ArrayList<>();
        matchers.forEach(matcher -> collectLeaves(matcher, leaves));
        assertThat(leaves).as("the API's rules are among them").hasSizeGreaterThan(EndpointRules.API.size());
        assertThat(leaves).as("matchers that ask Spring MVC for the handler (MvcRequestMatcher and its wrappers)")
                .allSatisfy(matcher -> assertThat(matcher.getClass().getName()).doesNotContain("Mvc")
                        .doesNotContain("Deferred").doesNotContain("DispatcherServletDelegating"));
        assertThat(leaves).filteredOn(PathPatternRequestMatcher.class::isInstance)
                .hasSizeGreaterThan(EndpointRules.API.size());
    }

    /** A rule with a path variable still tells the roles apart, and a path outside every rule is still refused. */
    @Test
    void aPatternWithAVariableStillSeparatesTheRoles() throws Exception {
        assertThat(mvc.perform(get("/api/v1/cases/{id}", java.util.UUID.randomUUID()).with(TestUsers.wijkcoach()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/cases/{id}", java.util.UUID.randomUUID()).with(TestUsers.manager()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/cases/{id}", java.util.UUID.randomUUID()))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    private static void collectFilters(Filter filter, List<String> names) {
        // Spring Security's composites (subclasses of FilterChainProxy) hold their filters in a CompositeFilter.
        Object delegate = filter instanceof FilterChainProxy && filter.getClass() != FilterChainProxy.class
                ? ReflectionTestUtils.getField(filter, "doFilterDelegate") : null;
        if (delegate instanceof CompositeFilter composite) {
            @SuppressWarnings("unchecked")
            List<Filter> inner = (List<Filter>) ReflectionTestUtils.getField(composite, "filters");
            for (Filter each : inner) {
                names.add(each.getClass().getName());
                collectFilters(each, names);
            }
        }
    }

    private static List<RequestMatcher> ruleMatchers(AuthorizationManager<?> manager) {
        if (!(manager instanceof RequestMatcherDelegatingAuthorizationManager delegating)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<RequestMatcherEntry<?>> mappings = (List<RequestMatcherEntry<?>>) ReflectionTestUtils.getField(delegating, "mappings");
        return mappings.stream().map(RequestMatcherEntry::getRequestMatcher).toList();
    }

    @SuppressWarnings("unchecked")
    private static void collectLeaves(RequestMatcher matcher, List<RequestMatcher> leaves) {
        if (matcher instanceof OrRequestMatcher || matcher instanceof AndRequestMatcher) {
            ((List<RequestMatcher>) ReflectionTestUtils.getField(matcher, "requestMatchers"))
                    .forEach(inner -> collectLeaves(inner, leaves));
        } else if (matcher instanceof NegatedRequestMatcher) {
            collectLeaves((RequestMatcher) ReflectionTestUtils.getField(matcher, "requestMatcher"), leaves);
        } else if (!(matcher instanceof AnyRequestMatcher)) {
            leaves.add(matcher);
        }
    }
}
