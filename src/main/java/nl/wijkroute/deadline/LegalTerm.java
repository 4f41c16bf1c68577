package nl.wijkroute.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The statutory terms the toegang work runs against, each with its legal basis. Terms in weeks end
 * on the same weekday N weeks later and are extended by the Algemene termijnenwet when that day is no
 * werkdag; terms in working days count werkdagen. Both use the one {@link WorkingDays} calendar. See
 * docs/decisions/0014-legal-terms.md for the citations and what is still to be verified.
 */
public enum LegalTerm {
    WMO_ONDERZOEK(Unit.WEEKS, 6, "Wmo 2015 art. 2.3.2 lid 1: onderzoek binnen zes weken na de melding"),
    WMO_BESCHIKKING(Unit.WEEKS, 2, "Wmo 2015 art. 2.3.5 lid 1: beschikking binnen twee weken na ontvangst van de aanvraag"),
    JEUGDWET_BESLUIT(Unit.WEEKS, 8, "Awb art. 4:13 lid 2 (Jeugdwet kent geen eigen termijn): uiterlijk acht weken na de aanvraag"),
    PARTICIPATIEWET_BESLUIT(Unit.WEEKS, 8, "Awb art. 4:13 lid 2 voor de bijstandsaanvraag: uiterlijk acht weken na de aanvraag"),
    WGS_EERSTE_GESPREK(Unit.WEEKS, 4, "Wgs art. 4 lid 1: eerste gesprek binnen vier weken na de hulpvraag"),
    WGS_EERSTE_GESPREK_SPOED(Unit.WORKING_DAYS, 3,
            "Wgs art. 4 lid 2: binnen drie werkdagen bij dreigende ontruiming of afsluiting van energie of water");

    public enum Unit { WEEKS, WORKING_DAYS }

    private final Unit unit;
    private final int amount;
    private final String legalBasis;

    LegalTerm(Unit unit, int amount, String legalBasis) {
        this.unit = unit;
        this.amount = amount;
        this.legalBasis = legalBasis;
    }

    /** The last day of the term that starts the day after {@code receivedOn}, on the one werkdag calendar. */
    public LocalDate dueOn(LocalDate receivedOn, WorkingDays calendar) {
        return switch (unit) {
            case WEEKS -> calendar.nextWorkingDayFrom(receivedOn.plusWeeks(amount));
            case WORKING_DAYS -> calendar.add(receivedOn, amount);
        };
    }

    /**
     * How long a suspension from {@code since} until {@code until} (exclusive) stood the term still, in
     * the term's own unit: calendar days for a term in weeks (Awb art. 4:15), werkdagen for a term in
     * working days, because a weekend in the middle of a suspension never counted towards that term.
     */
    public long suspendedDays(LocalDate since, LocalDate until, WorkingDays calendar) {
        return unit == Unit.WORKING_DAYS ? calendar.between(since, until) : ChronoUnit.DAYS.between(since, until);
    }

    /**
     * The end after suspensions of {@code suspendedDays} in the term's unit (see {@link #suspendedDays}):
     * a term in weeks moves by calendar days and the Atw applies again; a term in working days moves by
     * working days.
     */
    public LocalDate dueOnAfterSuspension(LocalDate receivedOn, long suspendedDays, WorkingDays calendar) {
        LocalDate unsuspended = dueOn(receivedOn, calendar);
        if (suspendedDays == 0) {
            return unsuspended;
        }
        return unit == Unit.WORKING_DAYS
                ? calendar.add(unsuspended, Math.toIntExact(suspendedDays))
                : calendar.nextWorkingDayFrom(receivedOn.plusWeeks(amount).plusDays(suspendedDays));
    }

    public String legalBasis() {
        return legalBasis;
    }

    public Unit unit() {
        return unit;
    }

    public int amount() {
        return amount;
    }
}
