package nl.wijkroute.reflection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijkroute.household.Bsn;
import nl.wijkroute.system.problem.InvalidInputException;

/**
 * Nothing in a reflection session may hold a resident's personal data. Free text cannot be checked for
 * names, so the API and the docs flag every free-text field as not for personal data; what can be
 * checked is a BSN: nine digits (also written with spaces, dots or dashes, as in 1234.56.782) that pass
 * the elfproef are refused, naming the field and never echoing the number.
 */
final class PersonalDataGuard {

    /** Nine digits, each optionally separated from the previous one by one space, dot or dash. */
    private static final Pattern NINE_DIGITS = Pattern.compile("(?<![\\d])\\d(?:[ .\\-]?\\d){8}(?![\\d])");

    /** The sentence every free-text field carries in the API description. */
    static final String NOT_FOR_PERSONAL_DATA = "Geen persoonsgegevens van inwoners (geen namen, BSN, adressen of "
            + "herkenbare situaties): een BSN wordt geweigerd.";

    private PersonalDataGuard() {
    }

    static void check(String field, String text) {
        if (text != null && containsBsn(text)) {
            throw new InvalidInputException(field,
                    "Bevat een BSN. In een reflectiesessie horen geen persoonsgegevens van inwoners.");
        }
    }

    static boolean containsBsn(String text) {
        Matcher matcher = NINE_DIGITS.matcher(text);
        while (matcher.find()) {
            if (Bsn.isValid(matcher.group().replaceAll("[ .\\-]", ""))) {
                return true;
            }
        }
        return false;
    }
}
