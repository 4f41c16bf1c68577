package nl.wijkroute.system.security;

import java.util.Collection;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The checks every access token passes, in one place for the production decoder and the tests' decoder:
 * signature aside (the decoder's key), the token is unexpired, from our issuer, meant for this API
 * ({@code aud}) and obtained by one of the API's own login clients ({@code azp}).
 */
public final class TokenValidators {

    static final String AUTHORIZED_PARTY = "azp";

    private TokenValidators() {
    }

    public static OAuth2TokenValidator<Jwt> of(String issuer, TokenProperties tokens) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(tokens.audience())),
                new JwtClaimValidator<String>(AUTHORIZED_PARTY,
                        client -> client != null && tokens.clients().contains(client)));
    }
}
