package nl.wijkroute.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Terms as tables of real dates: received on, term, last day. */
class LegalTermTest {

    @ParameterizedTest(name = "{1} received {0} ends {2}")
    @CsvSource({
            // plain six weeks: Monday 23 Nov 2026 -> Monday 4 Jan 2027
            "2026-11-23, WMO_ONDERZOEK, 2027-01-04",
            // ends on Christmas day (Fri 25 Dec 2026) -> Mon 28 Dec (26th is Saturday anyway)
            "2026-11-13, WMO_ONDERZOEK, 2026-12-28",
            // two weeks ending on Saturday 5 Dec 2026 -> Monday 7 Dec
            "2026-11-21, WMO_BESCHIKKING, 2026-12-07",
            // ends on Tweede Paasdag (Mon 29 Mar 2027) -> Tue 30 Mar
            "2027-02-01, JEUGDWET_BESLUIT, 2027-03-30",
            // ends on Hemelvaartsdag (Thu 6 May 2027) -> Fri 7 May
            "2027-03-11, PARTICIPATIEWET_BESLUIT, 2027-05-07",
            // ends on Koningsdag (Tue 27 Apr 2027) -> Wed 28 Apr
            "2027-03-30, WGS_EERSTE_GESPREK, 2027-04-28",
            // ends on 5 May in a non-lustrum year, still a holiday under the Atw; 6 May 2027 is Hemelvaart -> Fri 7 May
            "2027-04-07, WGS_EERSTE_GESPREK, 2027-05-07",
            // ends on Tweede Pinksterdag (Mon 17 May 2027) -> Tue 18 May
            "2027-04-19, WGS_EERSTE_GESPREK, 2027-05-18",
            // three working days over a weekend: Thu 26 Nov 2026 -> Tue 1 Dec
            "2026-11-26, WGS_EERSTE_GESPREK_SPOED, 2026-12-01",
            // three working days over Christmas: Wed 23 Dec 2026 -> Tue 29 Dec
            "2026-12-23, WGS_EERSTE_GESPREK_SPOED, 2026-12-29",
    })
    void termsEndOnTheDayTheLawSays(LocalDate receivedOn, LegalTerm term, LocalDate expected) {
        assertThat(term.dueOn(receivedOn)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} received {0}, suspended {2} days, ends {3}")
    @CsvSource({
            // six weeks from Mon 23 Nov 2026 = Mon 4 Jan 2027; ten days waiting for documents -> Thu 14 Jan
            "2026-11-23, WMO_ONDERZOEK, 10, 2027-01-14",
            // a suspension that lands the end on a Saturday runs on to Monday: 4 Jan + 5 = Sat 9 Jan -> Mon 11 Jan
            "2026-11-23, WMO_ONDERZOEK, 5, 2027-01-11",
            // working-day terms move by working days
            "2026-11-26, WGS_EERSTE_GESPREK_SPOED, 2, 2026-12-03",
    })
    void aSuspensionMovesTheEnd(LocalDate receivedOn, LegalTerm term, long suspendedDays, LocalDate expected) {
        assertThat(term.dueOnAfterSuspension(receivedOn, suspendedDays)).isEqualTo(expected);
    }
}
