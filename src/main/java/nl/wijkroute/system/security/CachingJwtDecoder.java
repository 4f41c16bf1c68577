package nl.wijkroute.system.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each access token once, not on every request (decision 0034): a client sends the same token
 * with every call for its lifetime, and parsing it and checking its RSA signature cost more CPU per call
 * than most of the API's own work. The cache is keyed by the whole token text, so a hit can only return
 * what the delegate verified for exactly these bytes (signature included); a token the delegate refuses
 * is never kept. An entry lives until the token's own expiry ({@code exp}), at most {@link #MAX_AGE}, and
 * is checked against the clock on every hit, so an expired token is never answered from the cache; a token
 * without {@code exp} is not kept at all. The number of entries is bounded.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    /** How long a verified token is trusted without a new check, even if it lives longer (key rotation). */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    /**
     * @param delegate   the decoder that checks signature, issuer, audience, authorized party and times
     * @param clock      the clock expiry is judged by
     * @param maxEntries how many verified tokens to keep (least recently used go first)
     */
    public CachingJwtDecoder(JwtDecoder delegate, Clock clock, long maxEntries) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new UntilTokenExpiry(clock))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified cached = verified.getIfPresent(token);
        // Judged here on every hit, not left to the cache's eviction (which only frees the memory).
        if (cached != null && cached.usableAt(now)) {
            return cached.jwt();
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(now)) {
            verified.put(token, new Verified(jwt, now.plus(MAX_AGE)));
        }
        return jwt;
    }

    /** A verified token and until when it is trusted without a new check. */
    private record Verified(Jwt jwt, Instant trustedUntil) {

        boolean usableAt(Instant now) {
            return jwt.getExpiresAt().isAfter(now) && trustedUntil.isAfter(now);
        }

        Instant until() {
            return jwt.getExpiresAt().isBefore(trustedUntil) ? jwt.getExpiresAt() : trustedUntil;
        }
    }

    /** Each entry leaves the cache when its token expires, or after {@link #MAX_AGE} if that comes first. */
    private record UntilTokenExpiry(Clock clock) implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String token, Verified entry, long currentTime) {
            return Math.max(0, Duration.between(clock.instant(), entry.until()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String token, Verified entry, long currentTime, long currentDuration) {
            return expireAfterCreate(token, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Verified entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
