package nl.wijkroute.household;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

    @ParameterizedTest
    @ValueSource(strings = {"111222333", "123456782", "999999990"})
    void numbersPassingTheElfproefAreValid(String bsn) {
        assertThat(Bsn.isValid(bsn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "111222334", "12345678", "1234567820", "12345678a", "000000000", ""})
    void anythingElseIsInvalid(String bsn) {
        assertThat(Bsn.isValid(bsn)).isFalse();
    }

    @Test
    void nullIsNotABsn() {
        assertThat(Bsn.isValid(null)).isFalse();
    }
}
