package nl.wijkroute.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void easterIsComputedForKnownYears() {
        assertThat(WorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(WorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(WorkingDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void weekendsAreSkipped() {
        // Friday 20 November 2026 + 5 working days = Friday 27 November
        assertThat(WorkingDays.add(LocalDate.of(2026, 11, 20), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
        // Monday 23 November 2026 + 5 = Monday 30 November
        assertThat(WorkingDays.add(LocalDate.of(2026, 11, 23), 5)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void christmasAndNewYearAreSkipped() {
        // Wed 23 Dec 2026: Thu 24 (1), Fri 25 and Mon 28? 25 and 26 are holidays; 28 (2), 29 (3), 30 (4), 31 (5)
        assertThat(WorkingDays.add(LocalDate.of(2026, 12, 23), 5)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(WorkingDays.add(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void movableHolidaysAndKingsDayAreSkipped() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 6))).as("Tweede Paasdag").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 14))).as("Hemelvaartsdag").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 25))).as("Tweede Pinksterdag").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 27))).as("Koningsdag").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2025, 4, 26))).as("Koningsdag on Saturday when the 27th is a Sunday")
                .isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2025, 5, 5))).as("Bevrijdingsdag, lustrum").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 5))).as("Bevrijdingsdag, not a lustrum").isTrue();
    }
}
