package nl.wijkroute.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Cockpit answers only after a Keycloak login with the admin role; the API's bearer chain is untouched. */
class CockpitLoginTest extends ApiTestSupport {

    @Autowired
    IdentityService identities;

    @Test
    void withoutALoginCockpitSendsTheBrowserToKeycloak() throws Exception {
        MvcResult cockpit = mvc.perform(get("/camunda/app/cockpit/default/")).andReturn();
        assertThat(cockpit.getResponse().getStatus()).isEqualTo(302);
        assertThat(cockpit.getResponse().getRedirectedUrl()).endsWith("/oauth2/authorization/keycloak");

        MvcResult login = mvc.perform(get("/oauth2/authorization/keycloak")).andReturn();
        assertThat(login.getResponse().getStatus()).isEqualTo(302);
        assertThat(login.getResponse().getRedirectedUrl())
                .startsWith(TestUsers.ISSUER + "/protocol/openid-connect/auth?")
                .contains("client_id=wijkroute-cockpit").contains("code_challenge_method=S256").contains("scope=openid");
    }

    @Test
    void theWebappsOwnRestApiNeedsTheLoginToo() throws Exception {
        MvcResult engineApi = mvc.perform(get("/camunda/api/engine/engine/default/incident")).andReturn();
        assertThat(engineApi.getResponse().getStatus()).isEqualTo(302);
        // A bearer token for the API is no Cockpit login.
        MvcResult withToken = mvc.perform(get("/camunda/app/cockpit/default/").with(TestUsers.admin())).andReturn();
        assertThat(withToken.getResponse().getStatus()).isNotEqualTo(200);
    }

    @Test
    void aLoggedInUserWithoutTheAdminRoleIsRefused() throws Exception {
        MvcResult cockpit = mvc.perform(get("/camunda/app/cockpit/default/").with(operator("wijkteam"))).andReturn();
        assertThat(cockpit.getResponse().getStatus()).isEqualTo(403);
    }

    /**
     * Past the login, and no Camunda user made for it. (MockMvc has neither the webapp's pages nor its servlet
     * context, so what the webapp makes of the operator is checked against a real server: CockpitLoginIT.)
     */
    @Test
    void anAdminPassesTheLoginWithoutAnyCamundaUser() throws Exception {
        MvcResult cockpit = mvc.perform(get("/camunda/app/cockpit/default/").with(operator("admin"))).andReturn();

        assertThat(cockpit.getResponse().getStatus()).isNotIn(302, 401, 403);
        assertThat(identities.createUserQuery().count()).as("no Camunda users, no default admin").isZero();
    }

    @Test
    void theWebappsOwnLoginSetupAndTasklistAreClosedEvenToAnAdmin() throws Exception {
        assertThat(mvc.perform(post("/camunda/api/admin/setup/default/user/create").with(operator("admin")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/camunda/api/admin/auth/user/default/login/cockpit").with(operator("admin"))
                .param("username", "demo").param("password", "demo")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/camunda/app/tasklist/default/").with(operator("admin")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theApiStillAnswersBearerTokensOnly() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/organisations")).andReturn(), 401);
        assertThat(mvc.perform(get("/api/v1/organisations").with(TestUsers.admin())).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    /** A browser session after the Keycloak login, with the roles the access token carried. */
    private static RequestPostProcessor operator(String role) {
        return oidcLogin().idToken(token -> token.subject(TestUsers.sub(role)).claim("preferred_username", role))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
