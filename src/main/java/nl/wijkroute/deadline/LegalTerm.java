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
            "Wgs art. 4 lid 2: binnen drie werkdagen bij dreigende ontruiming of afsluiting van energie of water"),
    /** The household's term to object; it runs from the day after the decision was sent. Not a term the municipality can breach. */
    BEZWAARTERMIJN(Unit.WEEKS, 6, "Awb art. 6:7 en 6:8: bezwaar binnen zes weken, vanaf de dag na bekendmaking van het besluit"),
    BESLISSING_OP_BEZWAAR(Unit.WEEKS, 6,
            "Awb art. 7:10 lid 1: beslissen op het bezwaar binnen zes weken na afloop van de bezwaartermijn"),
    BESLISSING_OP_BEZWAAR_COMMISSIE(Unit.WEEKS, 12,
            "Awb art. 7:10 lid 1: twaalf weken als een adviescommissie (art. 7:13) is ingesteld");

    /** Awb art. 7:10 lid 3: the decision on a bezwaar may be postponed once by at most six weeks. */
    public static final int BEZWAAR_EXTENSION_WEEKS = 6;

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

    /** How many weeks this term may be extended (verdaagd), 0 when the law allows no extension. */
    public int extensionWeeks() {
        return this == BESLISSING_OP_BEZWAAR || this == BESLISSING_OP_BEZWAAR_COMMISSIE ? BEZWAAR_EXTENSION_WEEKS : 0;
    }

    /**
     * The end of a term in weeks after an extension of {@code extendedWeeks} and suspensions of
     * {@code suspendedDays}: the weeks are added to the unextended term before the Atw applies, so an
     * extension ends on the same weekday six weeks after the term's own (unextended) last day.
     */
    public LocalDate dueOn(LocalDate receivedOn, int extendedWeeks, long suspendedDays, WorkingDays calendar) {
        if (extendedWeeks == 0) {
            return dueOnAfterSuspension(receivedOn, suspendedDays, calendar);
        }
        if (unit != Unit.WEEKS) {
            throw new IllegalArgumentException(this + " is counted in working days and cannot be extended in weeks");
        }
        return calendar.nextWorkingDayFrom(receivedOn.plusWeeks(amount + extendedWeeks).plusDays(suspendedDays));
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
