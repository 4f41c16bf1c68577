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
}
