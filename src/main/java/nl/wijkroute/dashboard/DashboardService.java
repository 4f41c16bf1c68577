package nl.wijkroute.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.wijkroute.route.Stage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' indicators (DOMAIN.md §10: a small core set). Aggregates only; any group counting
 * fewer cases than {@code wijkroute.dashboard.min-group-size} (but more than none) is suppressed.
 */
@Service
public class DashboardService {

    /** Stages as a manager reads the routekaart, from signaleren to nazorg. */
    private static final Comparator<DashboardQueries.Row> IN_ROUTE_ORDER = Comparator.comparing(row -> Stage.valueOf(row.key()));

    private final DashboardQueries queries;
    private final Clock clock;
    private final int minGroupSize;

    DashboardService(DashboardQueries queries, Clock clock, @Value("${wijkroute.dashboard.min-group-size:5}") int minGroupSize) {
        this.queries = queries;
        this.clock = clock;
        this.minGroupSize = minGroupSize;
    }

    /**
     * The smallest group an aggregate may show (fewer is suppressed): for other capabilities that show
     * aggregates of their own, such as the reflection session's medians per perspective.
     */
    public int minGroupSize() {
        return minGroupSize;
    }

    @Transactional(readOnly = true)
    public DashboardViews.WorkInProgress workInProgress(DashboardFilter filter, Instant asOf) {
        Instant now = clock.instant();
        boolean current = asOf == null || !asOf.isBefore(now);
        Instant moment = current ? now : asOf;
        var rows = current ? queries.workInProgressNow(filter) : queries.workInProgress(filter, moment);
        return new DashboardViews.WorkInProgress(moment, rows.stream()
                .sorted(IN_ROUTE_ORDER)
                .map(row -> small(row.count())
                        ? new DashboardViews.StageCount(row.key(), null, true)
                        : new DashboardViews.StageCount(row.key(), row.count(), false))
                .toList());
    }

    /**
     * Repeatable read: for all teams the answer comes from the counts per day and the stays they point to, read in
     * several statements (decision 0064); one snapshot keeps a move committed between them from shifting a percentile
     * by a row. Called inside another transaction (a reflection's evidence) it reads in that one's isolation.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public DashboardViews.LeadTimes leadTimes(DashboardFilter filter) {
        Map<Boolean, List<DashboardQueries.Row>> routeOrStage = queries.leadTimes(filter).stream()
                .collect(Collectors.partitioningBy(row -> row.key().equals("ROUTE")));
        List<DashboardViews.LeadTime> perStage = routeOrStage.get(false).stream()
                .sorted(IN_ROUTE_ORDER).map(this::leadTime).toList();
        return new DashboardViews.LeadTimes(perStage, leadTime(routeOrStage.get(true).get(0)));
    }

    @Transactional(readOnly = true)
    public List<DashboardViews.FlowPeriod> flow(DashboardFilter filter, Granularity granularity) {
        return queries.flow(filter, granularity.sqlUnit()).stream().map(row -> {
            Map<String, Long> bySource = new LinkedHashMap<>();
            bySource.put("PARTNER", number(row.get("partner")));
            bySource.put("RESIDENT", number(row.get("resident")));
            bySource.put("FRONTOFFICE", number(row.get("frontoffice")));
            bySource.put("OWN_OBSERVATION", number(row.get("own_observation")));
            long started = number(row.get("started"));
            long ended = number(row.get("ended"));
            boolean suppressed = small(started) || small(ended) || bySource.values().stream().anyMatch(this::small);
            Instant period = ((java.sql.Timestamp) row.get("period_start")).toInstant();
            return suppressed
                    ? new DashboardViews.FlowPeriod(period, null, null, null, true)
                    : new DashboardViews.FlowPeriod(period, bySource, started, ended, false);
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<DashboardViews.DeadlineCompliance> deadlineCompliance(DashboardFilter filter) {
        return queries.deadlineCompliance(filter).stream().map(row -> {
            long terms = number(row.get("terms"));
            long met = number(row.get("met_in_time"));
            long breached = number(row.get("breached"));
            if (small(terms)) {
                return new DashboardViews.DeadlineCompliance((String) row.get("law"), null, null, null, null, null, true);
            }
            Double rate = met + breached == 0 ? null : (double) met / (met + breached);
            return new DashboardViews.DeadlineCompliance((String) row.get("law"), terms, met, breached,
                    number(row.get("running")), rate, false);
        }).toList();
    }

    /** Bezwaren per law and their outcome (decision 0050); a law with fewer bezwaren than the minimum group is suppressed. */
    @Transactional(readOnly = true)
    public List<DashboardViews.BezwaarOutcomes> bezwaren(DashboardFilter filter) {
        return queries.bezwaren(filter).stream().map(row -> {
            long bezwaren = number(row.get("bezwaren"));
            if (small(bezwaren)) {
                return new DashboardViews.BezwaarOutcomes((String) row.get("law"), null, null, null, null, null, null, null, true);
            }
            return new DashboardViews.BezwaarOutcomes((String) row.get("law"), bezwaren, number(row.get("gegrond")),
                    number(row.get("ongegrond")), number(row.get("niet_ontvankelijk")), number(row.get("ingetrokken")),
                    number(row.get("open")), number(row.get("late")), false);
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<DashboardViews.EscalationCount> escalations(DashboardFilter filter) {
        return queries.escalations(filter).stream().map(row -> small(row.count())
                ? new DashboardViews.EscalationCount(row.key(), null, null, true)
                : new DashboardViews.EscalationCount(row.key(), row.count(), row.first(), false)).toList();
    }

    @Transactional(readOnly = true)
    public DashboardViews.HandoverAcceptance handovers(DashboardFilter filter) {
        Map<String, Object> row = queries.handovers(filter);
        long proposed = number(row.get("proposed"));
        if (small(proposed)) {
            return new DashboardViews.HandoverAcceptance(null, null, null, null, null, null, true);
        }
        return new DashboardViews.HandoverAcceptance(proposed, number(row.get("accepted")), number(row.get("declined")),
                number(row.get("pending")), decimal(row.get("median_hours")), decimal(row.get("p80_hours")), false);
    }

    @Transactional(readOnly = true)
    public DashboardViews.FrontDoor frontDoor(DashboardFilter filter) {
        Map<String, Object> row = queries.frontDoor(filter);
        long ended = number(row.get("ended"));
        long without = number(row.get("without_indication"));
        if (small(ended)) {
            return new DashboardViews.FrontDoor(null, null, null, true);
        }
        return new DashboardViews.FrontDoor(ended, without, ended == 0 ? null : (double) without / ended, false);
    }

    @Transactional(readOnly = true)
    public DashboardViews.Recurrence recurrence(DashboardFilter filter) {
        Map<String, Object> row = queries.recurrence(filter);
        long ended = number(row.get("ended"));
        long recurred = number(row.get("recurred"));
        if (small(ended)) {
            return new DashboardViews.Recurrence(null, null, null, true);
        }
        return new DashboardViews.Recurrence(ended, recurred, ended == 0 ? null : (double) recurred / ended, false);
    }

    @Transactional(readOnly = true)
    public DashboardViews.DoorbraakPayers doorbraakPayers(DashboardFilter filter) {
        Map<String, Object> row = queries.doorbraakPayers(filter);
        long doorbraken = number(row.get("doorbraken"));
        return small(doorbraken) ? new DashboardViews.DoorbraakPayers(null, null, true)
                : new DashboardViews.DoorbraakPayers(doorbraken, number(row.get("with_payer")), false);
    }

    @Transactional(readOnly = true)
    public DashboardViews.MultiLawHouseholds multiLawHouseholds(DashboardFilter filter) {
        Map<String, Object> row = queries.multiLawHouseholds(filter);
        long households = number(row.get("households"));
        return small(households) ? new DashboardViews.MultiLawHouseholds(null, null, true)
                : new DashboardViews.MultiLawHouseholds(households, number(row.get("multi_law")), false);
    }

    @Transactional(readOnly = true)
    public DashboardViews.RefusalsFollowedByOtherLaw refusalsFollowedByOtherLaw(DashboardFilter filter) {
        Map<String, Object> row = queries.refusalsFollowedByOtherLaw(filter);
        long refusals = number(row.get("refusals"));
        return small(refusals) ? new DashboardViews.RefusalsFollowedByOtherLaw(null, null, true)
                : new DashboardViews.RefusalsFollowedByOtherLaw(refusals, number(row.get("followed")), false);
    }

    @Transactional(readOnly = true)
    public DashboardViews.RepeatedBackMoves repeatedBackMoves(DashboardFilter filter) {
        Map<String, Object> row = queries.repeatedBackMoves(filter);
        long cases = number(row.get("cases"));
        return small(cases) ? new DashboardViews.RepeatedBackMoves(null, null, true)
                : new DashboardViews.RepeatedBackMoves(cases, number(row.get("repeated")), false);
    }

    @Transactional(readOnly = true)
    public DashboardViews.SuspendedTerms suspendedTerms(DashboardFilter filter) {
        Map<String, Object> row = queries.suspendedTerms(filter);
        long terms = number(row.get("terms"));
        return small(terms) ? new DashboardViews.SuspendedTerms(null, null, true)
                : new DashboardViews.SuspendedTerms(terms, number(row.get("suspended")), false);
    }

    @Transactional(readOnly = true)
    public DashboardViews.DecisionOutcomes decisionOutcomes(DashboardFilter filter) {
        Map<String, Object> row = queries.decisionOutcomes(filter);
        long decided = number(row.get("decided"));
        if (small(decided)) {
            return new DashboardViews.DecisionOutcomes(null, null, null, null, true);
        }
        long refused = number(row.get("refused"));
        long partly = number(row.get("partly"));
        return new DashboardViews.DecisionOutcomes(decided, refused, partly,
                decided == 0 ? null : (double) (refused + partly) / decided, false);
    }

    /* Outcomes (issue 16.5, decision 0046). */

    /** "Or more" buckets: beyond these, one more organisation or professional tells a manager nothing new. */
    static final int ORGANISATION_CAP = 5;
    static final int PROFESSIONAL_CAP = 10;

    @Transactional(readOnly = true)
    public List<DashboardViews.GoalsAttained> goalsAttained(DashboardFilter filter) {
        return queries.goalsAttained(filter).stream().map(row -> {
            long cases = number(row.get("cases"));
            if (small(cases)) {
                return new DashboardViews.GoalsAttained((String) row.get("leefgebied"), null, null, null, null, null, true);
            }
            long goals = number(row.get("goals"));
            long attained = number(row.get("attained"));
            return new DashboardViews.GoalsAttained((String) row.get("leefgebied"), cases, goals, attained,
                    number(row.get("partly")), goals == 0 ? null : (double) attained / goals, false);
        }).toList();
    }

    @Transactional(readOnly = true)
    public DashboardViews.OneRegisseur oneRegisseur(DashboardFilter filter) {
        Map<String, Object> row = queries.oneRegisseur(filter);
        long ended = number(row.get("ended"));
        long one = number(row.get("one_regisseur"));
        if (small(ended)) {
            return new DashboardViews.OneRegisseur(null, null, null, true);
        }
        return new DashboardViews.OneRegisseur(ended, one, ended == 0 ? null : (double) one / ended, false);
    }

    @Transactional(readOnly = true)
    public DashboardViews.Involvement involvement(DashboardFilter filter) {
        List<Map<String, Object>> rows = queries.involvement(filter, ORGANISATION_CAP, PROFESSIONAL_CAP);
        Map<String, Object> summary = rows.get(0);
        long ended = number(summary.get("ended"));
        if (small(ended)) {
            return new DashboardViews.Involvement(null, null, null, null, null, null, null, true);
        }
        return new DashboardViews.Involvement(ended, decimal(summary.get("median_organisations")),
                decimal(summary.get("p80_organisations")), decimal(summary.get("median_professionals")),
                decimal(summary.get("p80_professionals")), buckets(rows, "ORGANISATIONS", ORGANISATION_CAP),
                buckets(rows, "PROFESSIONALS", PROFESSIONAL_CAP), false);
    }

    /** Every count from 0 to the cap, also those no case had (0 cases reveals nobody); small ones suppressed. */
    private List<DashboardViews.CountBucket> buckets(List<Map<String, Object>> rows, String measure, int cap) {
        Map<Long, Long> casesPerCount = rows.stream().filter(row -> measure.equals(row.get("measure")))
                .collect(Collectors.toMap(row -> number(row.get("bucket")), row -> number(row.get("n"))));
        Set<Long> suppressed = new HashSet<>();
        casesPerCount.forEach((count, cases) -> {
            if (small(cases)) {
                suppressed.add(count);
            }
        });
        if (suppressed.size() == 1) {
            // The total is shown: one suppressed bucket alone is the total minus the others. Suppress the
            // smallest other non-zero bucket too (a suppressed bucket plus a shown total needs a second).
            casesPerCount.entrySet().stream().filter(entry -> entry.getValue() > 0 && !suppressed.contains(entry.getKey()))
                    .min(Map.Entry.<Long, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .ifPresent(entry -> suppressed.add(entry.getKey()));
        }
        return java.util.stream.LongStream.rangeClosed(0, cap).mapToObj(count -> {
            long cases = casesPerCount.getOrDefault(count, 0L);
            String name = count == cap ? count + "+" : String.valueOf(count);
            return suppressed.contains(count) ? new DashboardViews.CountBucket(name, null, true)
                    : new DashboardViews.CountBucket(name, cases, false);
        }).toList();
    }

    @Transactional(readOnly = true)
    public DashboardViews.ShortRoute shortRoute(DashboardFilter filter) {
        Map<String, Object> row = queries.shortRoute(filter);
        long cases = number(row.get("cases"));
        long solved = number(row.get("solved"));
        if (small(cases)) {
            return new DashboardViews.ShortRoute(null, null, null, null, null, true);
        }
        return new DashboardViews.ShortRoute(cases, number(row.get("connected")), solved, number(row.get("used")),
                cases == 0 ? null : (double) solved / cases, false);
    }

    private DashboardViews.LeadTime leadTime(DashboardQueries.Row row) {
        return small(row.count())
                ? new DashboardViews.LeadTime(row.key(), null, null, null, true)
                : new DashboardViews.LeadTime(row.key(), row.count(), row.first(), row.second(), false);
    }

    /** A group small enough to point at a person: more than none, fewer than the minimum. */
    private boolean small(long count) {
        return count > 0 && count < minGroupSize;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    public enum Granularity {
        WEEK("week"), MONTH("month");

        private final String sqlUnit;

        Granularity(String sqlUnit) {
            this.sqlUnit = sqlUnit;
        }

        String sqlUnit() {
            return sqlUnit;
        }
    }
}
