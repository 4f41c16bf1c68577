package nl.wijkroute.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every /api endpoint has its own rule in {@link EndpointRules}; none is left to a default. */
class EndpointRulesTest extends ApiTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void everyApiHandlerMappingHasExactlyItsOwnRule() {
        Map<RequestMappingInfo, HandlerMethod> methods = handlers.getHandlerMethods();
        assertThat(methods.keySet().stream().flatMap(info -> info.getPatternValues().stream())
                .filter(pattern -> pattern.startsWith("/api/"))).as("the API is there to walk").hasSizeGreaterThan(60);
        assertThat(EndpointRules.uncovered(methods, EndpointRules.API)).isEmpty();
    }

    @Test
    void anEndpointWithoutARuleAndARuleWithoutAnEndpointAreBothFound() throws Exception {
        HandlerMethod handler = new HandlerMethod(this, getClass().getDeclaredMethod("everyApiHandlerMappingHasExactlyItsOwnRule"));
        Map<RequestMappingInfo, HandlerMethod> methods = Map.of(
                RequestMappingInfo.paths("/api/v1/cases/{caseId}/secret").methods(RequestMethod.POST).build(), handler,
                RequestMappingInfo.paths("/api/v1/cases/{id}").methods(RequestMethod.GET).build(), handler,
                RequestMappingInfo.paths("/api/v1/anything").build(), handler,
                RequestMappingInfo.paths("/dashboard").methods(RequestMethod.GET).build(), handler);
        List<EndpointRules.Rule> rules = List.of(
                new EndpointRules.Rule(HttpMethod.GET, "/api/v1/cases/{caseId}", Set.of(Roles.WIJKTEAM)),
                new EndpointRules.Rule(HttpMethod.PUT, "/api/v1/gone", Set.of(Roles.WIJKTEAM)));

        assertThat(EndpointRules.uncovered(methods, rules)).hasSize(3).anySatisfy(problem ->
                        assertThat(problem).startsWith("POST /api/v1/cases/{caseId}/secret").contains("has no rule"))
                .anySatisfy(problem -> assertThat(problem).startsWith("ANY /api/v1/anything"))
                .anySatisfy(problem -> assertThat(problem).startsWith("PUT /api/v1/gone").contains("without an endpoint"));
    }
}
