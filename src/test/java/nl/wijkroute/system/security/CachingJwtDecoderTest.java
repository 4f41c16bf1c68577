package nl.wijkroute.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The cache of verified tokens never answers for a token the delegate has not verified, nor past its expiry. */
class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final AtomicInteger verifications = new AtomicInteger();

    /** A stand-in for the real decoder: tokens "good-<seconds to live>" pass until they expire, anything else fails. */
    private final JwtDecoder delegate = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        Instant expiresAt = NOW.plusSeconds(Long.parseLong(token.substring(5)));
        if (!expiresAt.isAfter(clock.instant())) {
            throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("u").issuedAt(NOW).expiresAt(expiresAt).build();
    };

    private final CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, clock, 100);

    @Test
    void theSameTokenIsVerifiedOnceWhileItIsValid() {
        Jwt first = decoder.decode("good-300");
        Jwt again = decoder.decode("good-300");
        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anotherTokenIsVerifiedByItself() {
        decoder.decode("good-300");
        assertThat(decoder.decode("good-301").getTokenValue()).isEqualTo("good-301");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverKept() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aCachedTokenPastItsExpiryIsVerifiedAgainAndRefused() {
        decoder.decode("good-60");
        clock.move(Duration.ofSeconds(60));
        assertThatThrownBy(() -> decoder.decode("good-60")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        decoder.decode("good-3600");
        clock.move(CachingJwtDecoder.MAX_AGE.plusSeconds(1));
        decoder.decode("good-3600");
        assertThat(verifications).hasValue(2);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
