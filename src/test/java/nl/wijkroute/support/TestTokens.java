package nl.wijkroute.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import nl.wijkroute.system.security.TokenProperties;
import nl.wijkroute.system.security.TokenValidators;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Real signed access tokens for tests that go through the bearer-token filter: a test-only RSA key
 * signs them, and {@link Decoder} verifies them with the production validators (issuer, audience,
 * authorized party), in place of the decoder that would fetch Keycloak's keys.
 */
public final class TestTokens {

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** A token signed with the test key, with these claims, valid for ten minutes from now. */
    public static String sign(Map<String, Object> claims) {
        return sign(claims, Instant.now().plusSeconds(600));
    }

    public static String sign(Map<String, Object> claims, Instant expiresAt) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issueTime(new Date()).expirationTime(Date.from(expiresAt));
        claims.forEach(set::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                    set.build());
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half of the test key, for a service started in another JVM (the crash test) to trust. */
    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test key's decoder with the production validators. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Decoder {

        @Bean
        @Primary
        JwtDecoder testKeyJwtDecoder(TokenProperties tokens) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
            decoder.setJwtValidator(TokenValidators.of(TestUsers.ISSUER, tokens));
            return decoder;
        }
    }
}
