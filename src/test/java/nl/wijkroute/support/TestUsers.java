package nl.wijkroute.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.UUID;
import nl.wijkroute.system.security.KeycloakJwtConverter;
import nl.wijkroute.system.security.TokenProperties;
import nl.wijkroute.system.security.TokenValidators;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Tokens shaped like the dev realm's (the API's client roles in resource_access, the API in aud, issued to
 * the login client wijkroute-cli, a fixed sub per demo user, preferred_username, team/wijk/organisation),
 * checked by the production validators and run through the application's own converter, so the tests
 * exercise the real token checks and role mapping.
 */
public final class TestUsers {

    public static final String ISSUER = "http://127.0.0.1:1/realms/wijkroute";
    public static final String AUDIENCE = "wijkroute-api";
    public static final String LOGIN_CLIENT = "wijkroute-cli";
    private static final TokenProperties TOKENS = new TokenProperties(AUDIENCE, List.of(LOGIN_CLIENT, "wijkroute-dashboard"));

    /** The ids of the dev realm's demo users (wijkroute-realm.json): Keycloak puts them in sub. */
    private static final Map<String, String> SUBS = Map.ofEntries(
            Map.entry("frontoffice", "5e1f0000-0000-4000-8000-000000000001"),
            Map.entry("wijkcoach", "5e1f0000-0000-4000-8000-000000000002"),
            Map.entry("wijkcoach2", "5e1f0000-0000-4000-8000-000000000003"),
            Map.entry("toegang", "5e1f0000-0000-4000-8000-000000000004"),
            Map.entry("procesregisseur", "5e1f0000-0000-4000-8000-000000000005"),
            Map.entry("partner-ggz", "5e1f0000-0000-4000-8000-000000000006"),
            Map.entry("partner-schuldhulp", "5e1f0000-0000-4000-8000-000000000007"),
            Map.entry("manager", "5e1f0000-0000-4000-8000-000000000008"),
            Map.entry("admin", "5e1f0000-0000-4000-8000-000000000009"),
            Map.entry("toegang-jeugd", "5e1f0000-0000-4000-8000-000000000010"),
            Map.entry("privacy", "5e1f0000-0000-4000-8000-000000000011"),
            Map.entry("inwoner", "5e1f0000-0000-4000-8000-000000000012"),
            Map.entry("deelnemer", "5e1f0000-0000-4000-8000-000000000013"));

    private TestUsers() {
    }

    /** The stable id (sub) of a test user: the realm's for demo users, a name-based UUID for others. */
    public static String sub(String username) {
        return SUBS.getOrDefault(username, UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** The claims of a realm-shaped access token (for the tests that sign real tokens, see TestTokens). */
    public static Map<String, Object> claims(String username, List<String> roles, Map<String, ?> extra) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", sub(username));
        claims.put("aud", List.of(AUDIENCE, "account"));
        claims.put("azp", LOGIN_CLIENT);
        claims.put("preferred_username", username);
        claims.put("realm_access", Map.of("roles", List.of("default-roles-wijkroute", "offline_access")));
        claims.put("resource_access", Map.of(AUDIENCE, Map.of("roles", roles), "account", Map.of("roles",
                List.of("manage-account"))));
        claims.putAll(extra);
        return claims;
    }

    public static RequestPostProcessor frontoffice() {
        return user("frontoffice", List.of("frontoffice"), Map.of());
    }

    public static RequestPostProcessor wijkcoach() {
        return user("wijkcoach", List.of("wijkteam"), Map.of("team", "team-noord", "wijk", "noord"));
    }

    public static RequestPostProcessor wijkcoachNoord2() {
        return user("wijkcoach3", List.of("wijkteam"), Map.of("team", "team-noord", "wijk", "centrum"));
    }

    public static RequestPostProcessor wijkcoach2() {
        return user("wijkcoach2", List.of("wijkteam"), Map.of("team", "team-zuid", "wijk", "zuid"));
    }

    public static RequestPostProcessor partnerGgz() {
        return user("partner-ggz", List.of("partner"), Map.of("organisation", "ggz-breburg"));
    }

    public static RequestPostProcessor partnerSchuldhulp() {
        return user("partner-schuldhulp", List.of("partner"), Map.of("organisation", "schuldhulp-stad"));
    }

    /** A second GGZ professional, to show that a handover to a named professional is theirs alone. */
    public static RequestPostProcessor partnerGgz2() {
        return user("partner-ggz-2", List.of("partner"), Map.of("organisation", "ggz-breburg"));
    }

    /** A toegang consulent for the Wmo and the Wgs (the laws claim scopes which requests they see). */
    public static RequestPostProcessor toegang() {
        return user("toegang", List.of("toegang"), Map.of("laws", List.of("WMO", "WGS")));
    }

    /** A toegang consulent for the Jeugdwet and the Participatiewet only. */
    public static RequestPostProcessor toegangJeugd() {
        return user("toegang-jeugd", List.of("toegang"), Map.of("laws", List.of("JEUGDWET", "PARTICIPATIEWET")));
    }

    public static RequestPostProcessor privacyOfficer() {
        return user("privacy", List.of("privacy"), Map.of());
    }

    /** A resident as DigiD (brokered by Keycloak) presents them: the BSN claim links them to their household. */
    public static RequestPostProcessor inwoner(String bsn) {
        return user("inwoner-" + bsn.substring(5), List.of("inwoner"), Map.of("bsn", bsn));
    }

    /** A non-worker in a reflection session (a client representative): sees the sessions they are invited to, no case. */
    public static RequestPostProcessor deelnemer() {
        return user("deelnemer", List.of("reflectie-deelnemer"), Map.of());
    }

    public static RequestPostProcessor manager() {
        return user("manager", List.of("manager"), Map.of());
    }

    public static RequestPostProcessor admin() {
        return user("admin", List.of("admin"), Map.of());
    }

    public static RequestPostProcessor procesregisseur() {
        return user("procesregisseur", List.of("procesregisseur"), Map.of());
    }

    /** The second procesregisseur (Oosterhout has two). */
    public static RequestPostProcessor procesregisseur2() {
        return user("procesregisseur2", List.of("procesregisseur"), Map.of());
    }

    public static RequestPostProcessor user(String username, List<String> roles, Map<String, ?> claims) {
        return authentication(signedIn(username, roles, claims));
    }

    /**
     * The authentication {@link #user} hands a request, for a service called outside one (put it in the
     * SecurityContextHolder): a token that passes the production checks, converted as the resource server does.
     */
    public static AbstractAuthenticationToken signedIn(String username, List<String> roles, Map<String, ?> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("test-token-" + username)
                .header("alg", "RS256")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600));
        claims(username, roles, claims).forEach(builder::claim);
        Jwt jwt = builder.build();
        OAuth2TokenValidatorResult checked = TokenValidators.of(ISSUER, TOKENS).validate(jwt);
        if (checked.hasErrors()) {
            throw new IllegalStateException("test token fails the production checks: " + checked.getErrors());
        }
        return new KeycloakJwtConverter(AUDIENCE).convert(jwt);
    }
}
