package nl.wijkroute.deadline;

import java.time.LocalDate;

/**
 * The statutory terms the toegang work runs against, each with its legal basis. Terms in weeks end
 * on the same weekday N weeks later and are extended by the Algemene termijnenwet when that day is a
 * weekend day or holiday; terms in working days already skip those days. See
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

    /** The last day of the term that starts the day after {@code receivedOn}. */
    public LocalDate dueOn(LocalDate receivedOn) {
        return switch (unit) {
            case WEEKS -> WorkingDays.extendToNextWorkingDayPerAtw(receivedOn.plusWeeks(amount));
            case WORKING_DAYS -> WorkingDays.add(receivedOn, amount);
        };
    }

    /** A suspension (Awb art. 4:15) moves the end by the suspended calendar days, then the Atw applies again. */
    public LocalDate dueOnAfterSuspension(LocalDate receivedOn, long suspendedDays) {
        LocalDate unsuspended = dueOn(receivedOn);
        if (suspendedDays == 0) {
            return unsuspended;
        }
        return unit == Unit.WORKING_DAYS
                ? WorkingDays.add(unsuspended, (int) suspendedDays)
                : WorkingDays.extendToNextWorkingDayPerAtw(receivedOn.plusWeeks(amount).plusDays(suspendedDays));
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
