package nl.wijkroute.operations;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.wijkroute.system.problem.ProblemWriter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import nl.wijkroute.system.security.KeycloakJwtConverter;
import nl.wijkroute.system.security.Roles;
import nl.wijkroute.system.security.TokenProperties;
import nl.wijkroute.system.security.TokenValidators;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Cockpit (Camunda's webapp under /camunda) for operators: a browser login at Keycloak (OIDC authorization code,
 * PKCE), and only the API's client role admin gets in. A filter chain of its own, ordered before the API's
 * resource-server chain, which stays as it is (bearer tokens, stateless): this one has a session, because the
 * webapp keeps its login in one. Decision 0042.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CockpitProperties.class)
class CockpitSecurityConfiguration {

    static final String REGISTRATION = "keycloak";

    @Bean
    @Order(1)
    SecurityFilterChain cockpit(HttpSecurity http, ClientRegistrationRepository clients,
                                OAuth2UserService<OidcUserRequest, OidcUser> operators, ProblemWriter problems) throws Exception {
        http
                .securityMatcher("/camunda/**", "/oauth2/authorization/**", "/login/oauth2/code/**")
                .authorizeHttpRequests(requests -> requests
                        // The webapp's own login form and first-user setup: the Keycloak login replaces both.
                        .requestMatchers("/camunda/api/admin/setup/**").denyAll()
                        .requestMatchers(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/**").denyAll()
                        // Tasklist would complete route steps around the API; the Admin app manages Camunda users.
                        .requestMatchers("/camunda/app/tasklist/**", "/camunda/app/admin/**", "/camunda/api/tasklist/**")
                        .denyAll()
                        .requestMatchers("/oauth2/authorization/**", "/login/oauth2/code/**").permitAll()
                        .anyRequest().hasRole(Roles.ADMIN))
                .oauth2Login(login -> login
                        .clientRegistrationRepository(clients)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(operators)))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "Cockpit is alleen voor beheerders (rol admin).")))
                // The webapp guards its own POSTs with its CSRF filter (X-XSRF-TOKEN); a second token would break them.
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
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
