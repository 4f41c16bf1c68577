package nl.wijkroute.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.system.problem.ProblemWriter;
import nl.wijkroute.system.security.KeycloakJwtConverter;
import nl.wijkroute.system.security.Roles;
import nl.wijkroute.system.security.TokenProperties;
import nl.wijkroute.system.security.TokenValidators;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Cockpit (Camunda's webapp under /camunda) for operators: a browser login at Keycloak (OIDC authorization code,
 * PKCE), and only the API's client role admin gets in. A filter chain of its own, ordered before the API's
 * resource-server chain, which stays as it is (bearer tokens, stateless): this one has a session, because the
 * webapp keeps its login in one. The session may read the engine and retry jobs, nothing else ({@link CockpitRules});
 * Cockpit's logout ends it and the Keycloak session ({@link KeycloakLogout}). Decision 0042.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CockpitProperties.class)
class CockpitSecurityConfiguration {

    static final String REGISTRATION = "keycloak";

    @Bean
    @Order(1)
    SecurityFilterChain cockpit(HttpSecurity http, ClientRegistrationRepository clients,
                                OAuth2UserService<OidcUserRequest, OidcUser> operators, ProblemWriter problems,
                                OAuth2AuthorizedClientRepository cockpitLogins, CockpitProperties cockpit,
                                @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) throws Exception {
        http
                .securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorization/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/login/oauth2/code/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorization/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/login/oauth2/code/**")).permitAll()
                        .requestMatchers(CockpitRules.CLOSED).denyAll()
                        .requestMatchers(CockpitRules.ALLOWED).access(CockpitSecurityConfiguration::cockpitLoginAsAdmin)
                        // Deny by default: whatever the webapp or the engine REST offers beyond the allow-list.
                        .anyRequest().denyAll())
                .oauth2Login(login -> login
                        .clientRegistrationRepository(clients)
                        .authorizedClientRepository(cockpitLogins)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(operators)))
                .logout(logout -> logout
                        .logoutRequestMatcher(KeycloakLogout.cockpitLogoutWithCsrfToken())
                        .addLogoutHandler(new KeycloakLogout(cockpitLogins, issuer, cockpit))
                        .invalidateHttpSession(true)
                        .deleteCookies("JSESSIONID")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN,
                                "Cockpit is alleen voor beheerders (rol admin), en toont de engine alleen: lezen en jobs opnieuw proberen.")))
                // The webapp guards its own POSTs with its CSRF filter (X-XSRF-TOKEN); a second token would break them.
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * Role admin from a Keycloak browser login to Cockpit: another authentication in the session (none is expected:
     * the API is stateless) does not count, whatever its roles.
     */
    private static AuthorizationDecision cockpitLoginAsAdmin(Supplier<Authentication> user, RequestAuthorizationContext request) {
        Authentication authentication = user.get();
        return new AuthorizationDecision(authentication instanceof OAuth2AuthenticationToken && authentication.getAuthorities()
                .stream().anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Roles.ADMIN)));
    }

    /** The login's tokens live in the operator's session and end with it (no store of tokens outside it). */
    @Bean
    OAuth2AuthorizedClientRepository cockpitLogins() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Keycloak's endpoints written out: the service starts, and the API works, while Keycloak is down. */
    @Bean
    ClientRegistrationRepository cockpitClient(CockpitProperties cockpit,
                                               @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        boolean confidential = StringUtils.hasText(cockpit.clientSecret());
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(cockpit.clientId())
                .clientSecret(confidential ? cockpit.clientSecret() : null)
                .clientAuthenticationMethod(confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
                        : ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid")
                // Spring adds PKCE by itself only for a public client; the realm requires S256 of the confidential one too.
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .issuerUri(issuer)
                .authorizationUri(issuer + "/protocol/openid-connect/auth")
                .tokenUri(issuer + "/protocol/openid-connect/token")
                .jwkSetUri(issuer + "/protocol/openid-connect/certs")
                .userNameAttributeName("sub")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /**
     * The operator's roles are the API's client roles in the access token Keycloak issued at the login, checked
     * as the API checks a bearer token (issuer, signature, audience), with the Cockpit client as authorized party.
     */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> cockpitOperators(TokenProperties tokens, CockpitProperties cockpit,
                                                                  @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        TokenProperties cockpitTokens = new TokenProperties(tokens.audience(), List.of(cockpit.clientId()));
        JwtDecoder accessTokens = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(TokenValidators.of(issuer, cockpitTokens));
            return decoder;
        });
        KeycloakJwtConverter roles = new KeycloakJwtConverter(tokens.audience());
        OidcUserService idTokens = new OidcUserService();
        return request -> {
            OidcUser user = idTokens.loadUser(request);
            Collection<GrantedAuthority> authorities = roles.convert(
                    accessTokens.decode(request.getAccessToken().getTokenValue())).getAuthorities();
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
        };
    }

    /**
     * The webapp sends everyone to its first-user setup page while the engine's identity service is writable and
     * has no camunda-admin member. Read-only, it has no setup page, and no Camunda user can be made at all.
     */
    @Bean
    ProcessEnginePlugin noCamundaUsers() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(DbReadOnlyIdentityServiceProvider.class));
            }
        };
    }

    /** After the Cockpit login, before the webapp: Cockpit's views of a case's process data are access-logged. */
    @Bean
    FilterRegistrationBean<CockpitAccessLog> cockpitAccessLog(HistoryService history, CaseAccess caseAccess,
                                                              ProblemWriter problems, ObjectMapper json) {
        FilterRegistrationBean<CockpitAccessLog> registration = new FilterRegistrationBean<>(
                new CockpitAccessLog(history, caseAccess, problems, json));
        registration.addUrlPatterns("/camunda/api/*");
        registration.setOrder(102);
        return registration;
    }

    /** After Spring Security (order -100), before the webapp's own authentication filter reads the session. */
    @Bean
    FilterRegistrationBean<CockpitLogin> cockpitLogin() {
        FilterRegistrationBean<CockpitLogin> registration = new FilterRegistrationBean<>(new CockpitLogin());
        registration.setInitParameters(Map.of());
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(101);
        return registration;
    }
}
