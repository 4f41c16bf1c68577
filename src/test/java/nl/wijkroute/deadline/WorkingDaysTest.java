package nl.wijkroute.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    /** The national calendar (Atw holidays) without closing days of a municipality. */
    private static final WorkingDays NATIONAL = WorkingDays.withClosingDays(List.of());

    @Test
    void easterIsComputedForKnownYears() {
        assertThat(WorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(WorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(WorkingDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void weekendsAreSkipped() {
        // Friday 20 November 2026 + 5 working days = Friday 27 November
        assertThat(NATIONAL.add(LocalDate.of(2026, 11, 20), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
        // Monday 23 November 2026 + 5 = Monday 30 November
        assertThat(NATIONAL.add(LocalDate.of(2026, 11, 23), 5)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void christmasAndNewYearAreSkipped() {
        // Wed 23 Dec 2026: Thu 24 (1), Fri 25 and Mon 28? 25 and 26 are holidays; 28 (2), 29 (3), 30 (4), 31 (5)
        assertThat(NATIONAL.add(LocalDate.of(2026, 12, 23), 5)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(NATIONAL.add(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void theHolidaysOfTheAlgemeneTermijnenwetAreNoWerkdag() {
        assertThat(NATIONAL.isWorkingDay(LocalDate.of(2027, 1, 1))).as("Nieuwjaarsdag").isFalse();
        assertThat(NATIONAL.isWorkingDay(LocalDate.of(2026, 4, 6))).as("Tweede Paasdag").isFalse();
        assertThat(NATIONAL.isWorkingDay(LocalDate.of(2026, 5, 14))).as("Hemelvaartsdag").isFalse();
        assertThat(NATIONAL.isWorkingDay(LocalDate.of(2026, 5, 25))).as("Tweede Pinksterdag").isFalse();
        assertThat(NATIONAL.isWorkingDay(LocalDate.of(2026, 4, 27))).as("Koningsdag").isFalse();
        assertThat(NATIONAL.isWorkingDay(LocalDate.of(2025, 4, 26))).as("Koningsdag on Saturday when the 27th is a Sunday")
                .isFalse();
        assertThat(NATIONAL.isWorkingDay(LocalDate.of(2025, 5, 5))).as("Bevrijdingsdag, lustrum").isFalse();
        // Atw art. 3 lid 1 names "de vijfde mei" without the lustrum condition of collective agreements.
        assertThat(NATIONAL.isWorkingDay(LocalDate.of(2026, 5, 5))).as("Bevrijdingsdag, not a lustrum").isFalse();
        assertThat(NATIONAL.isWorkingDay(LocalDate.of(2026, 4, 3))).as("Goede Vrijdag, Atw art. 3 lid 2").isFalse();
        assertThat(NATIONAL.isWorkingDay(LocalDate.of(2026, 12, 24))).as("Kerstavond is no holiday").isTrue();
    }

    @Test
    void aMunicipalitysClosingDaysAreNoWerkdagForAnyCount() {
        WorkingDays closedOnChristmasEve = WorkingDays.withClosingDays(List.of(LocalDate.of(2026, 12, 24)));
        assertThat(closedOnChristmasEve.isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse();
        // Wed 23 Dec 2026 + 1: Thursday 24 is closed, 25 and 26 are holidays, 27 a Sunday -> Monday 28
        assertThat(closedOnChristmasEve.add(LocalDate.of(2026, 12, 23), 1)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(closedOnChristmasEve.subtract(LocalDate.of(2026, 12, 28), 1)).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(closedOnChristmasEve.nextWorkingDayFrom(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(closedOnChristmasEve.between(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 28))).isEqualTo(3);
        assertThat(NATIONAL.between(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 28))).isEqualTo(4);
    }

    @Test
    void aClosingDayThatIsNoDateIsRefusedAtStartup() {
        assertThatThrownBy(() -> new WorkingDays(new WorkingDays.Properties(List.of("24-12-2026"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wijkroute.deadline.closing-days");
        assertThat(new WorkingDays(new WorkingDays.Properties(List.of(" 2026-12-24 "))).isWorkingDay(LocalDate.of(2026, 12, 24)))
                .isFalse();
    }
}
