package nl.wijkroute.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestTokens;
import nl.wijkroute.support.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Real signed tokens through the bearer-token filter, checked by the production validators: only a
 * token for this API (aud), obtained by one of its login clients (azp), counts; its roles are the API's
 * client roles.
 */
@Import(TestTokens.Decoder.class)
@RecordApplicationEvents
class TokenApiTest extends ApiTestSupport {

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationEvents events;

    @Autowired
    DispatcherServlet dispatcherServlet;

    /**
     * What a call costs whatever it does (decision 0061): no application event per successful authentication nor per
     * handled request (nothing listens to them), and the request's timer without a long-task timer beside it. (MockMvc
     * builds its own servlet, which publishes request-handled events whatever the setting: the service's own
     * DispatcherServlet is checked instead.)
     */
    @Test
    void aSignedInCallPublishesNoPerRequestEventsAndKeepsOnlyTheRequestTimer() throws Exception {
        assertThat(call("/api/v1/tasks", claims(Map.of())).getResponse().getStatus()).isEqualTo(200);
        assertThat(events.stream(AbstractAuthenticationEvent.class)).as("authentication events").isEmpty();
        assertThat(ReflectionTestUtils.getField(dispatcherServlet, "publishEvents")).as("request-handled events").isEqualTo(false);
        assertThat(meters.find("http.server.requests").timers()).as("the request's timer").isNotEmpty();
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .doesNotContain("http.server.requests.active");
    }

    /** No timer around every repository call either (decision 0063): a request makes several, nothing reads them. */
    @Test
    void aCallThroughARepositoryStartsNoRepositoryTimer() throws Exception {
        // The organisations are read through a Spring Data repository (OrganisationRepository).
        assertThat(call("/api/v1/organisations", claims(Map.of())).getResponse().getStatus()).isEqualTo(200);
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .doesNotContain("spring.data.repository.invocations");
    }

    /**
     * Spring Security's own observations (a timer around every filter of the chain, the authentication and
     * the authorization) cost about 8 % of a route call's CPU (issue 14, decision 0057); they are off. The
     * request's own metric, http.server.requests, stays: it is what the operators' dashboards read.
     */
    @Test
    void aSignedInCallIsMeasuredOnceNotPerSecurityFilter() throws Exception {
        assertThat(call("/api/v1/tasks", claims(Map.of())).getResponse().getStatus()).isEqualTo(200);
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security."));
    }

    @Test
    void aTokenForTheApiFromItsLoginClientIsAccepted() throws Exception {
        assertThat(call("/api/v1/tasks", claims(Map.of())).getResponse().getStatus()).isEqualTo(200);
        assertThat(call("/api/v1/tasks", claims(Map.of("azp", "wijkroute-dashboard"))).getResponse().getStatus())
                .isEqualTo(200);
    }

    /**
     * The bearer-token filter keeps the converter's authentication, which reads its worker once (decision 0073): should a
     * later Spring Security rebuild the token after converting it, the worker would silently be read on every use again.
     */
    @Test
    void theRequestKeepsTheAuthenticationThatReadsItsWorkerOnce() throws Exception {
        mvc.perform(get("/api/v1/tasks").header("Authorization", "Bearer " + TestTokens.sign(claims(Map.of()))))
                .andExpect(org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated()
                        .withAuthentication(authentication -> assertThat(authentication).isInstanceOf(WorkerAuthentication.class)));
    }

    @Test
    void aTokenWithAnotherAudienceIs401() throws Exception {
        assertUnauthorized(call("/api/v1/tasks", claims(Map.of("aud", List.of("account")))));
        assertUnauthorized(call("/api/v1/tasks", claims(Map.of("aud", "some-other-api"))));
    }

    @Test
    void aTokenOfAnotherClientOfTheSameRealmIs401() throws Exception {
        // What admin-cli hands out for a demo user's password: same realm, same user, same roles even.
        assertUnauthorized(call("/api/v1/tasks", claims(Map.of("azp", "admin-cli"))));
    }

    @Test
    void anExpiredTokenOrAnotherIssuerIs401() throws Exception {
        String expired = TestTokens.sign(claims(Map.of()), Instant.now().minusSeconds(600));
        assertUnauthorized(mvc.perform(get("/api/v1/tasks").header("Authorization", "Bearer " + expired)).andReturn());
        assertUnauthorized(call("/api/v1/tasks", claims(Map.of("iss", "http://127.0.0.1:1/realms/master"))));
    }

    /**
     * The scheme in another case is the same token; a malformed header (two spaces, a trailing space, a character
     * outside RFC 6750's b64token, padding first or in the middle, no token) is a 401 problem+json, as with Spring's own
     * resolver (decision 0071).
     */
    @Test
    void theBearerSchemeInAnyCaseCountsAndAMalformedHeaderIs401() throws Exception {
        String token = TestTokens.sign(claims(Map.of()));
        assertThat(mvc.perform(get("/api/v1/tasks").header("Authorization", "bEARER " + token)).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        for (String malformed : List.of("Bearer  " + token, "Bearer " + token + " ", "Bearer " + token.replace('.', ','),
                "Bearer =" + token, "Bearer " + token.replaceFirst("\\.", "=."), "Bearer", "Bearer ")) {
            assertUnauthorized(mvc.perform(get("/api/v1/tasks").header("Authorization", malformed)).andReturn());
        }
        assertUnauthorized(mvc.perform(get("/api/v1/tasks").header("Authorization", "Basic " + token)).andReturn());
    }

    @Test
    void aRealmRoleAdminWithoutTheClientRoleMayNotConfigure() throws Exception {
        Map<String, Object> realmAdmin = new LinkedHashMap<>(TestUsers.claims("admin", List.of(), Map.of()));
        realmAdmin.put("realm_access", Map.of("roles", List.of("admin", "default-roles-wijkroute")));
        MvcResult result = mvc.perform(post("/api/v1/organisations").header("Authorization", "Bearer " + TestTokens.sign(realmAdmin))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(call("/api/v1/organisations", realmAdmin).getResponse().getStatus()).isEqualTo(403);
    }

    private Map<String, Object> claims(Map<String, Object> overrides) {
        Map<String, Object> claims = new LinkedHashMap<>(TestUsers.claims("wijkcoach", List.of("wijkteam"),
                Map.of("team", "team-noord", "wijk", "noord")));
        claims.putAll(overrides);
        return claims;
    }

    private MvcResult call(String path, Map<String, Object> claims) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + TestTokens.sign(claims))).andReturn();
    }

    private static void assertUnauthorized(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }
}
