package nl.wijkroute.support;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh, elfproef-valid test BSNs, so tests never collide on the one-household-per-BSN rule. */
public final class Bsns {

    private Bsns() {
    }

    public static String random() {
        while (true) {
            int[] digits = new int[9];
            digits[0] = 1 + ThreadLocalRandom.current().nextInt(9);
            int sum = 9 * digits[0];
            for (int i = 1; i < 8; i++) {
                digits[i] = ThreadLocalRandom.current().nextInt(10);
                sum += (9 - i) * digits[i];
            }
            int check = sum % 11;
            if (check == 10) {
                continue;
            }
            digits[8] = check;
            StringBuilder bsn = new StringBuilder();
            for (int digit : digits) {
                bsn.append(digit);
            }
            return bsn.toString();
        }
    }
}
