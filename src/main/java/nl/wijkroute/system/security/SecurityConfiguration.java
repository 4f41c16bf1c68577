package nl.wijkroute.system.security;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import nl.wijkroute.system.problem.ProblemWriter;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Bearer tokens from Keycloak, validated as an OAuth2 resource server (the Keycloak adapter is
 * deprecated). The roles of every API endpoint come from {@link EndpointRules}, checked here in the
 * filter chain, before Spring MVC reads the body. 401 and 403 are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class SecurityConfiguration {

    /**
     * Keycloak's keys and metadata are fetched on the first token (the service starts without Keycloak);
     * every token then passes {@link TokenValidators}: issuer, audience and authorized party.
     */
    @Bean
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
                          @Value("${wijkroute.benchmark.jwt-public-key-location:}") Resource benchmarkKey,
                          TokenProperties tokens, Environment environment) throws IOException {
        if (benchmarkKey != null) {
            // A key whose private half lives on a benchmark machine must never sign production tokens.
            if (!environment.matchesProfiles("test")) {
                throw new IllegalStateException("wijkroute.benchmark.jwt-public-key-location is for the route benchmark "
                        + "(test profile) only; remove it from this installation's configuration");
            }
            LoggerFactory.getLogger(SecurityConfiguration.class)
                    .warn("Tokens are checked against the benchmark's own public key, not Keycloak's (test profile)");
            // Only the route benchmark sets this: it signs its own tokens, and the service checks their RSA
            // signature and the same validators as a Keycloak token, without a Keycloak to fetch keys from.
            try (InputStream pem = benchmarkKey.getInputStream()) {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(RsaKeyConverters.x509().convert(pem)).build();
                decoder.setJwtValidator(TokenValidators.of(issuer, tokens));
                return decoder;
            }
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(TokenValidators.of(issuer, tokens));
            return decoder;
        });
    }

    /**
     * The filter chain verifies each token once and then answers it from a bounded cache until it expires
     * (decision 0034); {@code wijkroute.security.token-cache-size} 0 verifies every request again.
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, TokenProperties tokens, JwtDecoder decoder,
                            @Value("${wijkroute.security.token-cache-size:4096}") long tokenCacheSize) throws Exception {
        JwtDecoder requestDecoder = tokenCacheSize > 0
                ? new CachingJwtDecoder(decoder, Clock.systemUTC(), tokenCacheSize) : decoder;
        http
                .csrf(AbstractHttpConfigurer::disable) // bearer tokens only, no cookies to forge
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    for (EndpointRules.Rule rule : EndpointRules.API) {
                        requests.requestMatchers(rule.method(), rule.pattern())
                                .hasAnyRole(rule.roles().toArray(String[]::new));
                        if (rule.method() == HttpMethod.GET) {
                            // Spring MVC answers a HEAD with the GET's handler (without the body): the same roles.
                            // Without this a HEAD only had to be signed in (/api/** below) to run any GET's handler.
                            requests.requestMatchers(HttpMethod.HEAD, rule.pattern())
                                    .hasAnyRole(rule.roles().toArray(String[]::new));
                        }
                    }
                    requests
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // Cockpit's page files come with the webapp's webjar: only under /camunda, behind its login.
                        .requestMatchers("/webjars/camunda/**").denyAll()
                        // The dashboard page and its scripts are public; its data comes from the API with a token.
                        .requestMatchers("/dashboard", "/dashboard/**", "/webjars/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                        // Every endpoint has its rule above (checked at startup); what is left under /api is an
                        // unknown path or a wrong method: a signed-in caller gets MVC's 404/405, others 401.
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll();
                })
                .oauth2ResourceServer(oauth2 -> oauth2
                        .bearerTokenResolver(new HeaderBearerTokenResolver())
                        .jwt(jwt -> jwt.decoder(requestDecoder)
                                .jwtAuthenticationConverter(new KeycloakJwtConverter(tokens.audience())))
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "Niet ingelogd of het token is ongeldig of verlopen."))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "Je rol geeft geen toegang tot deze handeling.")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "Niet ingelogd: stuur een bearer token mee."))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "Je rol geeft geen toegang tot deze handeling.")));
        return http.build();
    }

    /**
     * No Spring Security observations: with Micrometer present it would time every filter of the chain, the
     * authentication and the authorization of every call, about 8 % of a route call's CPU (issue 14,
     * decision 0057), for metrics no one reads. The request itself is still measured (http.server.requests).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * No Spring application event for every successful authentication: with a bearer token every API call is one,
     * nothing in the service listens to it, and publishing it costs a lookup of the event's listeners per call
     * (decision 0061). Failures are still published as Spring Security's default publisher does, for an audit
     * listener that may want them; the access log (decision 0031) is what records who looked at what.
     */
    @Bean
    AuthenticationEventPublisher noSuccessEvents(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher failures = new DefaultAuthenticationEventPublisher(events);
        return new AuthenticationEventPublisher() {
            @Override
            public void publishAuthenticationSuccess(Authentication authentication) {
                // Deliberately nothing: see above.
            }

            @Override
            public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
                failures.publishAuthenticationFailure(exception, authentication);
            }
        };
    }

    /**
     * Requests the HTTP firewall refuses (a NUL, an encoded slash or dot, a semicolon in the path) answer
     * problem+json like every other error; the default handler sends a bare 400 that ends on an error page.
     */
    @Bean
    RequestRejectedHandler problemJsonForRejectedRequests(ProblemWriter problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST,
                "Het adres van dit verzoek bevat tekens die niet zijn toegestaan.");
    }

    /**
     * Refuses to start when an /api endpoint has no rule in {@link EndpointRules}: such an endpoint would
     * fall to the "any signed-in user" rule meant for unknown paths.
     */
    @Bean
    ApplicationListener<ContextRefreshedEvent> everyEndpointHasARule(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        return event -> {
            List<String> uncovered = EndpointRules.uncovered(handlers.getHandlerMethods(), EndpointRules.API);
            if (!uncovered.isEmpty()) {
                throw new IllegalStateException("Endpoints and EndpointRules disagree: " + uncovered);
            }
        };
    }

    @Bean
    WebMvcConfigurer currentUserArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserResolver());
            }
        };
    }
}
