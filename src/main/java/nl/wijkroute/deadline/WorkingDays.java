package nl.wijkroute.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days in the Netherlands: Monday to Friday, minus the national public holidays
 * (Nieuwjaarsdag, Tweede Paasdag, Koningsdag (26 April when the 27th is a
 * Sunday), Bevrijdingsdag in lustrum years, Hemelvaartsdag, Tweede Pinksterdag, both Christmas days).
 * Legal deadlines are counted here so that nobody has to count them by hand.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /**
     * Algemene termijnenwet art. 1 lid 1: a statutory term that ends on a Saturday, Sunday or generally
     * recognised holiday runs on to the next day that is none of those. Atw art. 3 lid 1 names 5 May
     * every year (unlike the working-day calendar, where Bevrijdingsdag is a day off only in lustrum years).
     */
    public static LocalDate extendToNextWorkingDayPerAtw(LocalDate end) {
        LocalDate date = end;
        while (!isAtwWorkingDay(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    static boolean isAtwWorkingDay(LocalDate date) {
        return isWorkingDay(date) && !(date.getMonthValue() == 5 && date.getDayOfMonth() == 5);
    }

    /** Working days back from {@code from} (for warning points). */
    public static LocalDate subtract(LocalDate from, int days) {
        LocalDate date = from;
        int counted = 0;
        while (counted < days) {
            date = date.minusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** The date that is {@code days} working days after {@code from} (from itself does not count). */
    public static LocalDate add(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = from;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays(date.getYear()).contains(date);
    }

    static Set<LocalDate> holidays(int year) {
        Set<LocalDate> holidays = new HashSet<>();
        holidays.add(LocalDate.of(year, 1, 1));
        LocalDate easter = easterSunday(year);
        holidays.add(easter.plusDays(1));
        holidays.add(easter.plusDays(39));
        holidays.add(easter.plusDays(50));
        LocalDate kingsDay = MonthDay.of(4, 27).atYear(year);
        holidays.add(kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY ? kingsDay.minusDays(1) : kingsDay);
        if (year % 5 == 0) {
            holidays.add(LocalDate.of(year, 5, 5));
        }
        holidays.add(LocalDate.of(year, 12, 25));
        holidays.add(LocalDate.of(year, 12, 26));
        return holidays;
    }

    /** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
