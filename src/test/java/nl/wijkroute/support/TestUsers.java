package nl.wijkroute.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.wijkroute.system.security.KeycloakJwtConverter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Tokens shaped like the dev realm's (realm_access.roles, preferred_username, team/wijk/organisation),
 * run through the application's own converter, so the tests exercise the real role mapping.
 */
public final class TestUsers {

    private TestUsers() {
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
        Jwt.Builder builder = Jwt.withTokenValue("test-token-" + username)
                .header("alg", "RS256")
                .subject("sub-" + username)
                .issuer("http://127.0.0.1:8180/realms/wijkroute")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600))
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles));
        claims.forEach(builder::claim);
        return authentication(new KeycloakJwtConverter().convert(builder.build()));
    }
}
