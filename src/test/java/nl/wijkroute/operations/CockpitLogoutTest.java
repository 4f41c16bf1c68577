package nl.wijkroute.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import nl.wijkroute.support.TestUsers;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MvcResult;

/** Cockpit's logout ends the session: the next Cockpit request goes to the Keycloak login again. */
class CockpitLogoutTest extends ApiTestSupport {

    private static final String LOGOUT = "/camunda/api/admin/auth/user/default/logout";
    private static final String COCKPIT = "/camunda/api/engine/engine/default/process-definition/count";

    @Test
    void cockpitsLogoutEndsTheSessionAndTheNextRequestNeedsTheLoginAgain() throws Exception {
        MockHttpSession session = loggedInAdmin();
        assertThat(mvc.perform(get(COCKPIT).session(session)).andReturn().getResponse().getStatus())
                .as("logged in").isNotIn(302, 401, 403);

        MvcResult logout = mvc.perform(post(LOGOUT).session(session)
                .cookie(new Cookie("XSRF-TOKEN", "token-1")).header("X-XSRF-TOKEN", "token-1")).andReturn();

        assertThat(logout.getResponse().getStatus()).isEqualTo(204);
        assertThat(session.isInvalid()).as("the Spring session is gone").isTrue();
        MvcResult next = mvc.perform(get(COCKPIT)).andReturn();
        assertThat(next.getResponse().getRedirectedUrl()).endsWith("/oauth2/authorization/keycloak");
    }

    @Test
    void aLogoutWithoutTheWebappsCsrfTokenIsRefusedAndLeavesTheSession() throws Exception {
        MockHttpSession session = loggedInAdmin();

        MvcResult forged = mvc.perform(post(LOGOUT).session(session).cookie(new Cookie("XSRF-TOKEN", "token-1"))).andReturn();

        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        assertThat(session.isInvalid()).isFalse();
    }

    /** The session a Keycloak login leaves: the operator's OIDC user with the admin role. */
    private static MockHttpSession loggedInAdmin() {
        OidcIdToken idToken = new OidcIdToken("id-token", java.time.Instant.now(), java.time.Instant.now().plusSeconds(300),
                Map.of("sub", TestUsers.sub("admin"), "preferred_username", "admin"));
        DefaultOidcUser user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_admin")), idToken, "sub");
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                new OAuth2AuthenticationToken(user, user.getAuthorities(), CockpitSecurityConfiguration.REGISTRATION)));
        return session;
    }
}
