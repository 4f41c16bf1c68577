package nl.wijkroute.system.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its own header and parameter rules, checked by a loop instead of a regular
 * expression (issue 14, decision 0061). The default checks every header value a filter reads against
 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}; the bearer token (about a kilobyte) is read several times per
 * request, and the route benchmark's profile put 4.6 % of a warm call's CPU in those matches. The rules are the same
 * (an equivalence test over every code point pins them): a name or value may hold any assigned character that is not a
 * control character, a header value also a tab. Everything else of the strict firewall (parameter values, which it
 * does not check; paths, methods, encoded separators) stays its default. Spring Security's {@code WebSecurity} takes the context's only {@link HttpFirewall} bean.
 */
@Configuration(proxyBeanMethods = false)
class HttpFirewallConfiguration {

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(name -> assignedAndNotControl(name, false));
        firewall.setAllowedHeaderValues(value -> assignedAndNotControl(value, true));
        firewall.setAllowedParameterNames(name -> assignedAndNotControl(name, false));
        return firewall;
    }

    /** What the strict firewall's patterns allow: assigned code points, no control characters (a tab if allowed). */
    static boolean assignedAndNotControl(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                // Printable ASCII, nearly every character of a token: assigned and not a control character.
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabAllowed && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
