package nl.wijkroute.operations;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import nl.wijkroute.system.security.Roles;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the Keycloak login that Spring Security checked (role admin) to the Camunda webapp, in place of its own
 * login form and user table. The Camunda identity service stays empty: no default admin user, no password, and
 * no engine query to Keycloak (decision 0042). The webapp opens Cockpit only: Tasklist would let an operator
 * complete route steps around the API's checks, and the Admin app manages Camunda users nobody uses.
 */
class CockpitLogin extends ContainerBasedAuthenticationFilter {

    static final String OPERATORS_GROUP = "camunda-admin";
    private static final Set<String> APPS = Set.of("welcome", "cockpit");

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        authenticationProvider = new SpringSecurityOperator();
    }

    @Override
    protected UserAuthentication createAuthentication(ProcessEngine engine, String username, List<String> groups,
                                                      List<String> tenants) {
        UserAuthentication authentication = new UserAuthentication(username, engine.getName());
        authentication.setGroupIds(groups);
        authentication.setTenantIds(tenants);
        authentication.setAuthorizedApps(APPS);
        return authentication;
    }

    /** The operator as Spring Security's filter chain left them: the Keycloak sub, only with role admin. */
    static class SpringSecurityOperator implements AuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            boolean admin = user != null && user.isAuthenticated() && user.getAuthorities().stream()
                    .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Roles.ADMIN));
            if (!admin) {
                return AuthenticationResult.unsuccessful();
            }
            AuthenticationResult result = AuthenticationResult.successful(user.getName());
            result.setGroups(List.of(OPERATORS_GROUP));
            result.setTenants(List.of());
            return result;
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            // Spring Security's chain sends the operator to Keycloak before a request gets here.
        }
    }
}
