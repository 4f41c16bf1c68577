package nl.wijkroute.operations;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Ends the operator's Keycloak session when they log out of Cockpit, so the next visit asks for the password again
 * instead of passing silently through Keycloak's single sign-on. Cockpit logs out with an XHR, which cannot follow a
 * redirect to Keycloak's end-session page (OIDC RP-initiated logout); so the service ends the session itself, with
 * the refresh token of the login, at the same logout endpoint (Keycloak's refresh-token logout).
 */
class KeycloakLogout implements LogoutHandler {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakLogout.class);

    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final String logoutUri;
    private final CockpitProperties cockpit;
    private final RestClient http;

    KeycloakLogout(OAuth2AuthorizedClientRepository authorizedClients, String issuer, CockpitProperties cockpit) {
        this.authorizedClients = authorizedClients;
        this.logoutUri = issuer + "/protocol/openid-connect/logout";
        this.cockpit = cockpit;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(3));
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken login)) {
            return;
        }
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
                login.getAuthorizedClientRegistrationId(), authentication, request);
        if (client == null) {
            return;
        }
        authorizedClients.removeAuthorizedClient(login.getAuthorizedClientRegistrationId(), authentication, request, response);
        if (client.getRefreshToken() == null) {
            return;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", cockpit.clientId());
        if (StringUtils.hasText(cockpit.clientSecret())) {
            form.add("client_secret", cockpit.clientSecret());
        }
        form.add("refresh_token", client.getRefreshToken().getTokenValue());
        try {
            http.post().uri(logoutUri).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            // The Spring session ends anyway; Keycloak's session then ends at its own idle timeout. No user data logged.
            LOG.warn("Keycloak did not end the Cockpit login's session: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * Only Cockpit's own logout call, which carries the webapp's CSRF token (header X-XSRF-TOKEN equal to its
     * cookie): another site cannot send that header, so it cannot log an operator out.
     */
    static RequestMatcher cockpitLogoutWithCsrfToken() {
        return request -> {
            if (!CockpitRules.LOGOUT.matches(request)) {
                return false;
            }
            String header = request.getHeader("X-XSRF-TOKEN");
            Cookie[] cookies = request.getCookies();
            return StringUtils.hasText(header) && cookies != null && Arrays.stream(cookies)
                    .anyMatch(cookie -> cookie.getName().equals("XSRF-TOKEN") && header.equals(cookie.getValue()));
        };
    }
}
