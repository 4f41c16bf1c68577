package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Configuration;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Dates are past, present or future by the Dutch calendar day, whatever zone the server runs in. */
class ValidationClockConfigurationTest {

    record Received(@PastOrPresent LocalDate receivedOn) {
    }

    /** 23:30 UTC on 30 November is already 1 December in the municipality. */
    private static final Clock AFTER_DUTCH_MIDNIGHT = Clock.fixed(Instant.parse("2026-11-30T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void todayInTheMunicipalityIsNotTheFutureJustAfterDutchMidnight() {
        Validator validator = validator();

        assertThat(validator.validate(new Received(LocalDate.of(2026, 12, 1)))).as("today, Dutch time").isEmpty();
        assertThat(validator.validate(new Received(LocalDate.of(2026, 12, 2)))).as("tomorrow").hasSize(1);
    }

    private static Validator validator() {
        Configuration<?> configuration = Validation.byDefaultProvider().configure();
        new ValidationClockConfiguration().municipalityClock(AFTER_DUTCH_MIDNIGHT).customize(configuration);
        return configuration.buildValidatorFactory().getValidator();
    }
}
