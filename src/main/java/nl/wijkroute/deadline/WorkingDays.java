package nl.wijkroute.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The one werkdag calendar of the application (docs/decisions/0014-legal-terms.md): Monday to Friday,
 * minus the generally recognised holidays of the Algemene termijnenwet art. 3 lid 1 (Nieuwjaarsdag,
 * Tweede Paasdag, Koningsdag, 5 May every year, Hemelvaartsdag, Tweede Pinksterdag, both Christmas
 * days) and lid 2 (Goede Vrijdag), and minus the configured days ({@code wijkroute.deadline.closing-days}):
 * the days the Crown equates with a holiday (art. 3 lid 3, published in the Staatscourant) and the
 * municipality's own closing days.
 * Legal terms, their warnings and suspensions, and the acceptance term of a warme overdracht are all
 * counted here, so no two places can disagree about whether a day is a werkdag.
 */
@Component
@EnableConfigurationProperties(WorkingDays.Properties.class)
public class WorkingDays {

    /**
     * @param closingDays days that are no werkdag for any term or warning the application counts (ISO
     *                    dates, e.g. 2026-12-24): the Crown's equated days (Atw art. 3 lid 3) and the
     *                    municipality's own closing days
     */
    @ConfigurationProperties("wijkroute.deadline")
    public record Properties(@DefaultValue List<String> closingDays) {
    }

    private final Set<LocalDate> closingDays;

    @Autowired
    WorkingDays(Properties properties) {
        this(parse(properties.closingDays()));
    }

    private WorkingDays(Set<LocalDate> closingDays) {
        this.closingDays = Set.copyOf(closingDays);
    }

    /** The national calendar plus these closing days (tests, and anyone outside the Spring context). */
    public static WorkingDays withClosingDays(Collection<LocalDate> closingDays) {
        return new WorkingDays(new HashSet<>(closingDays));
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays(date.getYear()).contains(date)
                && !closingDays.contains(date);
    }

    /**
     * Algemene termijnenwet art. 1 lid 1: a statutory term that ends on a Saturday, Sunday or generally
     * recognised holiday runs on to the next day that is none of those (here: the next werkdag).
     */
    public LocalDate nextWorkingDayFrom(LocalDate end) {
        LocalDate date = end;
        while (!isWorkingDay(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    /** The date that is {@code days} working days after {@code from} (from itself does not count). */
    public LocalDate add(LocalDate from, int days) {
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

    /** Working days back from {@code from} (for warning points). */
    public LocalDate subtract(LocalDate from, int days) {
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

    /** The working days from {@code from} up to but not including {@code until} (a suspension's werkdagen). */
    public int between(LocalDate from, LocalDate until) {
        int days = 0;
        for (LocalDate date = from; date.isBefore(until); date = date.plusDays(1)) {
            days += isWorkingDay(date) ? 1 : 0;
        }
        return days;
    }

    /**
     * Atw art. 3 lid 1 and lid 2's days that can fall on a weekday. Eerste Paasdag and Eerste Pinksterdag
     * are Sundays; Koningsdag moves to 26 April when the 27th is a Sunday (then a Saturday).
     */
    static Set<LocalDate> holidays(int year) {
        Set<LocalDate> holidays = new HashSet<>();
        holidays.add(LocalDate.of(year, 1, 1));
        LocalDate easter = easterSunday(year);
        holidays.add(easter.minusDays(2));
        holidays.add(easter.plusDays(1));
        holidays.add(easter.plusDays(39));
        holidays.add(easter.plusDays(50));
        LocalDate kingsDay = LocalDate.of(year, 4, 27);
        holidays.add(kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY ? kingsDay.minusDays(1) : kingsDay);
        holidays.add(LocalDate.of(year, 5, 5));
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

    private static Set<LocalDate> parse(List<String> dates) {
        Set<LocalDate> parsed = new HashSet<>();
        for (String date : dates) {
            if (date == null || date.isBlank()) {
                continue;
            }
            try {
                parsed.add(LocalDate.parse(date.trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("wijkroute.deadline.closing-days: '" + date + "' is no ISO date (yyyy-mm-dd)", e);
            }
        }
        return parsed;
    }
}
