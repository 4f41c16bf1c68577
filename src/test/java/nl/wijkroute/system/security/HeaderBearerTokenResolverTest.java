package nl.wijkroute.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * {@link HeaderBearerTokenResolver} answers as Spring Security's {@link DefaultBearerTokenResolver} in its default
 * settings, which the API used before decision 0071: the same token, or the same error, or none, for the same header.
 */
class HeaderBearerTokenResolverTest {

    private final BearerTokenResolver ours = new HeaderBearerTokenResolver();
    private final BearerTokenResolver springs = new DefaultBearerTokenResolver();

    @Test
    void answersAsSpringsResolverOnHeadersAtTheEdges() {
        List<String> headers = new ArrayList<>(List.of("", " ", "Bearer", "Bearer ", "bearer", "BEARER x", "bEaReR abc",
                "Bearer abc", "Bearer  abc", "Bearer abc ", " Bearer abc", "Bearer\tabc", "Bearer abc\n", "Bearer a=",
                "Bearer a==", "Bearer =", "Bearer ==", "Bearer a=b", "Bearer a-._~+/Z9", "Bearer a,b", "Bearer a%2Eb",
                "Bearer é", "Bearera", "Bearerabc", "Basic abc", "Token abc", "bearer-abc", "BEARER\u00A0abc",
                "Bear\u0130r abc", "Bearer \u212Aelvin", "\u0392earer abc", "Bearer abc.def.ghi",
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"));
        headers.forEach(this::assertSameAnswer);
        assertThat(answer(ours, (String) null)).isEqualTo(answer(springs, (String) null)).isEqualTo("none");
    }

    @Test
    void answersAsSpringsResolverOnRandomHeaders() {
        String alphabet = "Bb eEaArR-._~+/=0aZ9\t,!%é\u0130\u212A";
        String[] starts = {"Bearer ", "bearer ", "BEARER ", "Bearer", "Basic ", ""};
        Random random = new Random(7513);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(starts[random.nextInt(starts.length)]);
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertSameAnswer(header.toString());
        }
    }

    /**
     * Every UTF-16 unit in each place that decides: in the scheme (its first letter, a middle one, the space), as the
     * token's first character, in its middle, after its padding, and at the end; so a character range written wrong
     * (say 'A' to 'z', which also holds the six signs between 'Z' and 'a') cannot pass unseen.
     */
    @Test
    void answersAsSpringsResolverForEveryCharacterInEveryPlaceThatDecides() {
        String template = "Bearer ab.c=";
        int[] places = {0, 3, 6, 7, 9, 12};
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/tasks");
        for (int place : places) {
            for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
                String header = place == template.length() ? template + (char) c
                        : template.substring(0, place) + (char) c + template.substring(place + 1);
                request.removeHeader("Authorization");
                request.addHeader("Authorization", header);
                String springs = answer(this.springs, request);
                String ours = answer(this.ours, request);
                if (!ours.equals(springs)) {
                    assertThat(ours).as("header [%s], character U+%04X at %d", header, c, place).isEqualTo(springs);
                }
            }
        }
    }

    private void assertSameAnswer(String header) {
        assertThat(answer(ours, header)).as("header [%s]", header).isEqualTo(answer(springs, header));
    }

    /** The token, "none", or the error's code and description. */
    private static String answer(BearerTokenResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/tasks");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        return answer(resolver, request);
    }

    private static String answer(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            String token = resolver.resolve(request);
            return token == null ? "none" : "token " + token;
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }
}
