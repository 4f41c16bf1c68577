package nl.wijkroute.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The firewall's header and parameter checks (a loop, {@link HttpFirewallConfiguration}) allow exactly what Spring
 * Security's default patterns allow: every code point on its own, in printable-ASCII context, and broken surrogates.
 */
class HttpFirewallRulesTest {

    /** Spring Security 6.5's StrictHttpFirewall patterns, copied here as the reference the loop must match. */
    private static final Pattern NAMES_AND_PARAMETERS = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void theLoopAllowsExactlyWhatTheDefaultPatternsAllowForEveryCodePoint() {
        int allowed = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = new String(Character.toChars(codePoint));
            String inToken = "Bearer eyJ" + alone + "x.y";
            for (String text : new String[] {alone, inToken}) {
                assertThat(HttpFirewallConfiguration.assignedAndNotControl(text, false))
                        .as("name or parameter U+%04X", codePoint).isEqualTo(NAMES_AND_PARAMETERS.matcher(text).matches());
                assertThat(HttpFirewallConfiguration.assignedAndNotControl(text, true))
                        .as("header value U+%04X", codePoint).isEqualTo(HEADER_VALUES.matcher(text).matches());
            }
            if (HttpFirewallConfiguration.assignedAndNotControl(alone, true)) {
                allowed++;
            }
        }
        // Not vacuous: most code points are allowed, and the ones a request must never carry are refused.
        assertThat(allowed).isGreaterThan(100_000);
        for (String refused : new String[] {"a\u0000b", "a\nb", "a\rb", "x\u007fy", "\u0085", "a\uFFFFb"}) {
            assertThat(HttpFirewallConfiguration.assignedAndNotControl(refused, true)).as(refused).isFalse();
        }
        assertThat(HttpFirewallConfiguration.assignedAndNotControl("a\tb", true)).isTrue();
        assertThat(HttpFirewallConfiguration.assignedAndNotControl("a\tb", false)).isFalse();
        assertThat(HttpFirewallConfiguration.assignedAndNotControl("Één café", false)).isTrue();
    }

    @Test
    void brokenSurrogatePairsAreJudgedAsThePatternsJudgeThem() {
        for (String text : new String[] {"\uD800", "a\uDC00", "\uD83D\uDE00", "\uDE00\uD83D", "x\uD83Dy"}) {
            assertThat(HttpFirewallConfiguration.assignedAndNotControl(text, true)).as(text)
                    .isEqualTo(HEADER_VALUES.matcher(text).matches());
            assertThat(HttpFirewallConfiguration.assignedAndNotControl(text, false)).as(text)
                    .isEqualTo(NAMES_AND_PARAMETERS.matcher(text).matches());
        }
    }
}
