package nl.wijkroute.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Terms as tables of real dates: received on, term, last day. */
class LegalTermTest {

    private static final WorkingDays NATIONAL = WorkingDays.withClosingDays(List.of());

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
            // three working days over 5 May in a non-lustrum year (Atw holiday): Mon 4 May 2026 -> Fri 8 May
            "2026-05-04, WGS_EERSTE_GESPREK_SPOED, 2026-05-08",
            // ends on 5 May in a non-lustrum year, still a holiday under the Atw; 6 May 2027 is Hemelvaart -> Fri 7 May
            "2027-04-07, WGS_EERSTE_GESPREK, 2027-05-07",
            // ends on Tweede Pinksterdag (Mon 17 May 2027) -> Tue 18 May
            "2027-04-19, WGS_EERSTE_GESPREK, 2027-05-18",
            // three working days over a weekend: Thu 26 Nov 2026 -> Tue 1 Dec
            "2026-11-26, WGS_EERSTE_GESPREK_SPOED, 2026-12-01",
            // three working days over Christmas: Wed 23 Dec 2026 -> Tue 29 Dec
            "2026-12-23, WGS_EERSTE_GESPREK_SPOED, 2026-12-29",
            // three working days over Easter: Wed 1 Apr 2026, Goede Vrijdag (Atw art. 3 lid 2) and Tweede Paasdag -> Wed 8 Apr
            "2026-04-01, WGS_EERSTE_GESPREK_SPOED, 2026-04-08",
    })
    void termsEndOnTheDayTheLawSays(LocalDate receivedOn, LegalTerm term, LocalDate expected) {
        assertThat(term.dueOn(receivedOn, NATIONAL)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} from {0}, extended {2} weeks, ends {3}")
    @CsvSource({
            // bezwaartermijn (Awb 6:7/6:8) from the day after sending: Fri 13 Nov 2026 + 6 weeks = Christmas -> Mon 28 Dec
            "2026-11-13, BEZWAARTERMIJN, 0, 2026-12-28",
            // Thu 31 Dec 2026 is a werkdag under the Atw (only a municipal closing day could change that)
            "2026-11-19, BEZWAARTERMIJN, 0, 2026-12-31",
            // ends on Nieuwjaarsdag (Fri 1 Jan 2027) -> Mon 4 Jan
            "2026-11-20, BEZWAARTERMIJN, 0, 2027-01-04",
            // sent on a Saturday, ends on Saturday 2 Jan 2027 -> Mon 4 Jan
            "2026-11-21, BEZWAARTERMIJN, 0, 2027-01-04",
            // the decision on the bezwaar: six weeks after the bezwaartermijn ended (Awb 7:10 lid 1)
            "2026-12-28, BESLISSING_OP_BEZWAAR, 0, 2027-02-08",
            // twelve weeks with an advisory committee, ending on Tweede Paasdag (Mon 29 Mar 2027) -> Tue 30 Mar
            "2027-01-04, BESLISSING_OP_BEZWAAR_COMMISSIE, 0, 2027-03-30",
            // postponed by six weeks (Awb 7:10 lid 3): 28 Dec 2026 + 6 + 6 weeks = Mon 22 Mar 2027
            "2026-12-28, BESLISSING_OP_BEZWAAR, 6, 2027-03-22",
            // the unextended term ends on a werkdag (Thu 25 Mar 2027), the extended one on Hemelvaartsdag -> Fri 7 May
            "2027-02-11, BESLISSING_OP_BEZWAAR, 0, 2027-03-25",
            "2027-02-11, BESLISSING_OP_BEZWAAR, 6, 2027-05-07",
            // twelve plus six weeks: Mon 3 May 2027
            "2026-12-28, BESLISSING_OP_BEZWAAR_COMMISSIE, 6, 2027-05-03",
    })
    void bezwaarTermsEndOnTheDayTheAwbSays(LocalDate from, LegalTerm term, int extendedWeeks, LocalDate expected) {
        assertThat(term.dueOn(from, extendedWeeks, 0, NATIONAL)).isEqualTo(expected);
    }

    @Test
    void onlyTheDecisionOnABezwaarMayBePostponedAndBySixWeeks() {
        assertThat(LegalTerm.BESLISSING_OP_BEZWAAR.extensionWeeks()).isEqualTo(6);
        assertThat(LegalTerm.BESLISSING_OP_BEZWAAR_COMMISSIE.extensionWeeks()).isEqualTo(6);
        assertThat(List.of(LegalTerm.WMO_ONDERZOEK, LegalTerm.JEUGDWET_BESLUIT, LegalTerm.BEZWAARTERMIJN,
                LegalTerm.WGS_EERSTE_GESPREK_SPOED)).allMatch(term -> term.extensionWeeks() == 0);
    }

    @ParameterizedTest(name = "{1} received {0}, suspended {2} days, ends {3}")
    @CsvSource({
            // six weeks from Mon 23 Nov 2026 = Mon 4 Jan 2027; ten days waiting for documents -> Thu 14 Jan
            "2026-11-23, WMO_ONDERZOEK, 10, 2027-01-14",
            // a suspension that lands the end on a Saturday runs on to Monday: 4 Jan + 5 = Sat 9 Jan -> Mon 11 Jan
            "2026-11-23, WMO_ONDERZOEK, 5, 2027-01-11",
            // working-day terms move by working days: two werkdagen suspended, Tue 1 Dec 2026 -> Thu 3 Dec
            "2026-11-26, WGS_EERSTE_GESPREK_SPOED, 2, 2026-12-03",
    })
    void aSuspensionMovesTheEnd(LocalDate receivedOn, LegalTerm term, long suspendedDays, LocalDate expected) {
        assertThat(term.dueOnAfterSuspension(receivedOn, suspendedDays, NATIONAL)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} suspended from {1} until {2}: {3} days in the term's unit")
    @CsvSource({
            // Friday to Monday: three calendar days for a term in weeks ...
            "WMO_ONDERZOEK, 2026-11-27, 2026-11-30, 3",
            // ... but one werkdag (the Friday) for a term in working days
            "WGS_EERSTE_GESPREK_SPOED, 2026-11-27, 2026-11-30, 1",
            // Saturday to Monday: nothing stood still for a term in working days
            "WGS_EERSTE_GESPREK_SPOED, 2026-11-28, 2026-11-30, 0",
            // over Christmas: Thu 24, (25, 26, 27), Mon 28 -> two werkdagen until Tuesday 29
            "WGS_EERSTE_GESPREK_SPOED, 2026-12-24, 2026-12-29, 2",
    })
    void aSuspensionCountsInTheUnitOfItsTerm(LegalTerm term, LocalDate since, LocalDate until, long expected) {
        assertThat(term.suspendedDays(since, until, NATIONAL)).isEqualTo(expected);
    }

    @Test
    void anUrgentWgsTermSuspendedOverAWeekendMovesByTheWerkdagenOfTheSuspension() {
        WorkingDays calendar = NATIONAL;
        LegalTerm term = LegalTerm.WGS_EERSTE_GESPREK_SPOED;
        // Received Wed 25 Nov 2026 -> ends Mon 30 Nov; suspended Fri 27 to Mon 30: one werkdag -> Tue 1 Dec.
        LocalDate received = LocalDate.of(2026, 11, 25);
        assertThat(term.dueOn(received, calendar)).isEqualTo(LocalDate.of(2026, 11, 30));
        long suspended = term.suspendedDays(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 30), calendar);
        assertThat(term.dueOnAfterSuspension(received, suspended, calendar)).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void aClosingDayOfTheMunicipalityIsSkippedByTermsInWorkingDays() {
        WorkingDays closedFriday = WorkingDays.withClosingDays(List.of(LocalDate.of(2026, 11, 27)));
        // Wed 25 Nov 2026: Thu 26, (closed Fri 27), Mon 30, Tue 1 Dec
        assertThat(LegalTerm.WGS_EERSTE_GESPREK_SPOED.dueOn(LocalDate.of(2026, 11, 25), closedFriday))
                .isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
