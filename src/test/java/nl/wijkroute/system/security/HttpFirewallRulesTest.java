package nl.wijkroute.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The service's firewall ({@link HttpFirewallConfiguration}: its checks as a loop) allows exactly what Spring Security's
 * default strict firewall allows, in header names, header values, parameter names and parameter values: every code
 * point on its own and inside a token, and broken surrogate pairs. The reference is a real default firewall, so an
 * upgrade of Spring Security that changes its rules fails here.
 */
class HttpFirewallRulesTest {

    private static final String[] CHECKS = {"allowedHeaderNames", "allowedHeaderValues", "allowedParameterNames",
            "allowedParameterValues"};

    private final Object service = new HttpFirewallConfiguration().httpFirewall();
    private final StrictHttpFirewall defaults = new StrictHttpFirewall();

    @Test
    void everyCheckAllowsExactlyWhatTheDefaultAllowsForEveryCodePoint() {
        for (String check : CHECKS) {
            Predicate<String> ours = predicate(service, check);
            Predicate<String> reference = predicate(defaults, check);
            for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
                String alone = new String(Character.toChars(codePoint));
                String inToken = "Bearer eyJ" + alone + "x.y";
                if (ours.test(alone) != reference.test(alone) || ours.test(inToken) != reference.test(inToken)) {
                    throw new AssertionError(check + " differs from the default at U+" + Integer.toHexString(codePoint));
                }
            }
            for (String text : new String[] {"\uD800", "a\uDC00", "\uD83D\uDE00", "\uDE00\uD83D", "x\uD83Dy", "", "a\tb"}) {
                assertThat(ours.test(text)).as(check + " " + text).isEqualTo(reference.test(text));
            }
        }
        // Not vacuous: what a request must never carry in a header is refused, what a Dutch name holds is not.
        Predicate<String> headerValues = predicate(service, "allowedHeaderValues");
        for (String refused : new String[] {"a\u0000b", "a\nb", "a\rb", "x\u007fy", "\u0085", "a\uFFFFb"}) {
            assertThat(headerValues.test(refused)).as(refused).isFalse();
        }
        assertThat(headerValues.test("Één café\tb")).isTrue();
        assertThat(predicate(service, "allowedHeaderNames").test("a\tb")).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Predicate<String> predicate(Object firewall, String check) {
        return (Predicate<String>) ReflectionTestUtils.getField(firewall, check);
    }
}
