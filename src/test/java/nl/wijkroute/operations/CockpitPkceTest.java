package nl.wijkroute.operations;

import static org.assertj.core.api.Assertions.assertThat;

import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * The realm requires PKCE (S256) of the Cockpit client; Spring adds it by itself only for a public client, so the
 * confidential one of production (secret set) must ask for it. CockpitLoginTest checks the public client's redirect.
 */
class CockpitPkceTest {

    @Test
    void theConfidentialClientsRedirectToKeycloakCarriesACodeChallenge() {
        ClientRegistrationRepository clients = new CockpitSecurityConfiguration()
                .cockpitClient(new CockpitProperties("wijkroute-cockpit", "a-secret"), TestUsers.ISSUER);
        MockHttpServletRequest login = new MockHttpServletRequest("GET", "/oauth2/authorization/keycloak");
        login.setServletPath("/oauth2/authorization/keycloak");

        // The resolver the login chain uses (oauth2Login's default) with the chain's registration.
        OAuth2AuthorizationRequest redirect = new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization")
                .resolve(login);

        assertThat(redirect.getAuthorizationRequestUri()).contains("code_challenge=").contains("code_challenge_method=S256");
    }
}
