package nl.wijkroute.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Indicator series. Every number is an aggregate; a group with fewer cases than the configured
 * minimum is {@code suppressed} and its numbers are left out, so that nobody can be recognised.
 */
public final class DashboardViews {

    private DashboardViews() {
    }

    public record StageCount(String stage, Long cases, boolean suppressed) {
    }

    public record WorkInProgress(Instant asOf, List<StageCount> stages) {
    }

    public record LeadTime(String stage, Long cases, Double medianDays, Double p80Days, boolean suppressed) {
    }

    public record LeadTimes(List<LeadTime> perStage, LeadTime wholeRoute) {
    }

    public record FlowPeriod(Instant periodStart, Map<String, Long> signalsBySource, Long casesStarted, Long casesClosed,
                             boolean suppressed) {
    }

    public record DeadlineCompliance(String law, Long terms, Long metInTime, Long breached, Long running,
                                     Double complianceRate, boolean suppressed) {
    }

    /** Bezwaren received in the period under one law, by the outcome of the decision on them (open: not yet decided). */
    public record BezwaarOutcomes(String law, Long bezwaren, Long gegrond, Long ongegrond, Long nietOntvankelijk,
                                  Long ingetrokken, Long open, Long late, boolean suppressed) {
    }

    public record EscalationCount(String cause, Long escalations, Double medianDaysToDoorbraak, boolean suppressed) {
    }

    public record HandoverAcceptance(Long proposed, Long accepted, Long declined, Long pending, Double medianHoursToAccept,
                                     Double p80HoursToAccept, boolean suppressed) {
    }

    /** "Beweging naar de voorkant": cases whose support ended without any formal toegang request. */
    public record FrontDoor(Long casesEnded, Long solvedWithoutIndication, Double share, boolean suppressed) {
    }

    /** Households signalled again within 12 months after their support ended. */
    public record Recurrence(Long casesEnded, Long recurredWithin12Months, Double share, boolean suppressed) {
    }
    /*
     * Outcomes (issue 16.5, decision 0046): what the support achieved, not only how fast it went. The same
     * suppression: a group of fewer cases than the minimum (more than none) shows no numbers.
     */

    /** Plan goals evaluated in the period (each goal's latest evaluation) in one leefgebied, by attainment. */
    public record GoalsAttained(String leefgebied, Long cases, Long goals, Long attained, Long partly, Double attainedShare,
                                boolean suppressed) {
    }

    /** Cases whose support ended in the period after a plan phase, and those with exactly one casusregisseur throughout. */
    public record OneRegisseur(Long casesEnded, Long withOneRegisseur, Double share, boolean suppressed) {
    }

    /** How many cases had this many organisations (or professionals) active; the last bucket is "or more". */
    public record CountBucket(String count, Long cases, boolean suppressed) {
    }

    /** Organisations and professionals active per household, for cases whose support ended in the period. */
    public record Involvement(Long casesEnded, Double medianOrganisations, Double p80Organisations,
                              Double medianProfessionals, Double p80Professionals, List<CountBucket> organisations,
                              List<CountBucket> professionals, boolean suppressed) {
    }

    /** Short-route cases (toeleiding completed in the period) and those solved in the voorliggend veld. */
    public record ShortRoute(Long cases, Long connected, Long solvedInVoorliggendVeld, Long voorliggendVeldUsed,
                             Double solvedShare, boolean suppressed) {
    }

    /*
     * Evidence for the reflectietool (decision 0039). Each is a group and a part of it; like the rates above,
     * the group decides suppression: a group of fewer than the minimum (more than none) shows no numbers.
     */

    /** Escalations raised in the period that reached a doorbraak, and those with a temporary payer. */
    public record DoorbraakPayers(Long doorbraken, Long withTemporaryPayer, boolean suppressed) {
    }

    /** Households with a toegang request in the period, and those with requests under two or more laws. */
    public record MultiLawHouseholds(Long households, Long underTwoOrMoreLaws, boolean suppressed) {
    }

    /** Requests refused in the period, and those followed by a request under another law for the household. */
    public record RefusalsFollowedByOtherLaw(Long refusals, Long followedByOtherLaw, boolean suppressed) {
    }

    /** Cases with a back-move in the period, and those with two or more. */
    public record RepeatedBackMoves(Long casesWithBackMove, Long casesWithTwoOrMore, boolean suppressed) {
    }

    /** Legal terms due in the period, and those suspended at some time. */
    public record SuspendedTerms(Long terms, Long suspended, boolean suppressed) {
    }

    /** Toegang requests decided in the period, refused, partly granted, and the share of those two. */
    public record DecisionOutcomes(Long decided, Long refused, Long partlyGranted, Double refusedOrPartlyShare,
                                   boolean suppressed) {
    }
}
