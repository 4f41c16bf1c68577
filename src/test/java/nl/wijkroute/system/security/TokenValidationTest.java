package nl.wijkroute.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** The token checks and the role mapping, without the application around them. */
class TokenValidationTest {

    private static final TokenProperties TOKENS = new TokenProperties("wijkroute-api", List.of("wijkroute-cli", "wijkroute-dashboard"));

    @Test
    void aRealmShapedTokenForTheApiPasses() {
        assertThat(validate(token(Map.of())).hasErrors()).isFalse();
    }

    @Test
    void aTokenWithoutTheApiInItsAudienceIsRefused() {
        OAuth2TokenValidatorResult result = validate(token(Map.of("aud", List.of("account"))));
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.getErrors()).anySatisfy(error -> assertThat(error.getDescription()).contains("aud"));
        assertThat(validate(tokenWithout("aud")).hasErrors()).isTrue();
    }

    @Test
    void aTokenAnotherClientOfTheRealmObtainedIsRefused() {
        assertThat(validate(token(Map.of("azp", "admin-cli"))).getErrors())
                .anySatisfy(error -> assertThat(error.getDescription()).contains("azp"));
        assertThat(validate(tokenWithout("azp")).hasErrors()).isTrue();
        assertThat(validate(token(Map.of("azp", "wijkroute-dashboard"))).hasErrors()).isFalse();
    }

    @Test
    void anotherIssuerIsRefused() {
        assertThat(validate(token(Map.of("iss", "http://127.0.0.1:1/realms/master"))).hasErrors()).isTrue();
    }

    @Test
    void rolesComeFromTheApisOwnClientNeverFromRealmRoles() {
        Jwt realmAdmin = token(Map.of("realm_access", Map.of("roles", List.of("admin", "manager", "wijkteam")),
                "resource_access", Map.of("realm-management", Map.of("roles", List.of("manage-users")))));
        assertThat(new KeycloakJwtConverter("wijkroute-api").convert(realmAdmin).getAuthorities()).isEmpty();

        Jwt otherClientsAdmin = token(Map.of("resource_access", Map.of("other-app", Map.of("roles", List.of("admin")))));
        assertThat(new KeycloakJwtConverter("wijkroute-api").convert(otherClientsAdmin).getAuthorities()).isEmpty();

        Jwt coach = token(Map.of("resource_access", Map.of("wijkroute-api", Map.of("roles", List.of("wijkteam")))));
        assertThat(new KeycloakJwtConverter("wijkroute-api").convert(coach).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_wijkteam");
    }

    @Test
    void theUserIsKeyedByTheStableSubAndNamedByTheirUsername() {
        var authentication = new KeycloakJwtConverter("wijkroute-api").convert(token(Map.of()));
        assertThat(authentication.getName()).isEqualTo(TestUsers.sub("wijkcoach"));
        assertThat(KeycloakJwtConverter.username((Jwt) authentication.getPrincipal())).isEqualTo("wijkcoach");
    }

    /**
     * The worker is read from the token once per authentication (decision 0073) and is the same worker that reading the
     * token itself gives: id, name, roles, team, wijk, organisation, laws and BSN claim.
     */
    @Test
    void theWorkerReadOnceIsTheWorkerTheTokenDescribes() {
        Jwt jwt = token(Map.of("resource_access", Map.of("wijkroute-api", Map.of("roles", List.of("wijkteam", "toegang"))),
                "wijk", "noord", "organisation", "gemeente", "laws", List.of("WMO", "JEUGDWET"), "bsn", "999990019"));
        var authentication = new KeycloakJwtConverter("wijkroute-api").convert(jwt);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            CurrentUser worker = CurrentUser.current().orElseThrow();
            CurrentUser readAgain = CurrentUser.of(new org.springframework.security.oauth2.server.resource.authentication
                    .JwtAuthenticationToken(jwt, authentication.getAuthorities()));
            assertThat(worker).isEqualTo(readAgain)
                    .isEqualTo(new CurrentUser(TestUsers.sub("wijkcoach"), "wijkcoach", java.util.Set.of("wijkteam", "toegang"),
                            "team-noord", "noord", "gemeente", java.util.Set.of("WMO", "JEUGDWET"), "999990019"));
            assertThat(CurrentUser.current()).as("read once, not per call").containsSame(worker);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private static OAuth2TokenValidatorResult validate(Jwt jwt) {
        return TokenValidators.of(TestUsers.ISSUER, TOKENS).validate(jwt);
    }

    private static Jwt token(Map<String, Object> overrides) {
        Map<String, Object> claims = new java.util.LinkedHashMap<>(TestUsers.claims("wijkcoach", List.of("wijkteam"),
                Map.of("team", "team-noord")));
        claims.putAll(overrides);
        return jwt(claims);
    }

    private static Jwt tokenWithout(String claim) {
        Map<String, Object> claims = new java.util.LinkedHashMap<>(TestUsers.claims("wijkcoach", List.of("wijkteam"), Map.of()));
        claims.remove(claim);
        return jwt(claims);
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
