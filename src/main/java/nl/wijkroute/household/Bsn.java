package nl.wijkroute.household;

/** The burgerservicenummer check: nine digits passing the elfproef (weights 9..2 and -1, sum divisible by 11). */
public final class Bsn {

    private Bsn() {
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != 9 || !candidate.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (candidate.charAt(i) - '0');
        }
        sum -= candidate.charAt(8) - '0';
        // 000000000 passes the arithmetic but is not a number anyone has.
        return sum % 11 == 0 && sum != 0;
    }
}
