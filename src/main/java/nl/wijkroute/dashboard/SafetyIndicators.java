package nl.wijkroute.dashboard;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.wijkroute.route.Stage;
import nl.wijkroute.system.MunicipalTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's safety indicators (issue 17): open cases with a safety concern per step, and the days from
 * the safety signal to the meldcode's decision. Aggregates only, small groups suppressed as everywhere on the
 * dashboard; definitions in docs/dashboard-indicators.md. Like the other indicators it reads the owning
 * modules' reporting views in SQL ({@link ReportingViews}, issue 19).
 */
@Service
class SafetyIndicators {

    /** A case "has a safety concern" once a signal or a triage of it said so. */
    private static final String SAFETY_CONCERN = """
            (exists (select 1 from {signal} s where s.case_id = c.case_id and s.safety_concern)
             or exists (select 1 from {triage_safety_concern} t where t.case_id = c.case_id and t.safety_concern))
            """;

    /**
     * The cases that ever had a safety concern, as one set: the same cases as {@link #SAFETY_CONCERN}, for a statement
     * over many cases. Why (issue 14, decision 0066): checked per case, every open case (258,000 for all teams at 1 M
     * cases) was probed against two hashed sets, the signals' and the triages' with a concern; as a semi join the two
     * partial indexes are read once in case order, merged without duplicates and hashed once (153 against 115 ms
     * median of 9 for all teams, 41 against 26 for one team, side by side under load 2–3; the same counts).
     */
    private static final String SAFETY_CONCERN_CASES = """
            (select s.case_id from {signal} s where s.safety_concern
             union select t.case_id from {triage_safety_concern} t where t.safety_concern)
            """;

    private static final String IN_FILTER = """
            (cast(:team as varchar) is null or c.team_id = :team)
            and (cast(:wijk as varchar) is null or c.wijk_id = :wijk)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final DashboardService dashboard;

    SafetyIndicators(NamedParameterJdbcTemplate jdbc, DashboardService dashboard) {
        this.jdbc = jdbc;
        this.dashboard = dashboard;
    }

    /** Open cases (OPEN or NAZORG) now that ever had a safety concern, per step. */
    public record SafetyCasesPerStage(String stage, Long cases, boolean suppressed) {
    }

    /** Cases whose meldcode decision (step 5, first recorded) fell in the period: days from the safety signal. */
    public record SignalToDecision(Long cases, Double medianDays, Double p80Days, boolean suppressed) {
    }

    public record Safety(List<SafetyCasesPerStage> casesPerStage, SignalToDecision signalToMeldcodeDecision) {
    }

    @Transactional(readOnly = true)
    public Safety safety(DashboardFilter filter) {
        // Planned for these values, as every dashboard call: a generic plan of the optional team and wijk could not
        // use the scope the open cases' index carries (issue 14).
        MapSqlParameterSource parameters = DashboardQueries.forCall(jdbc, filter);
        return new Safety(casesPerStage(parameters), signalToDecision(filter, parameters));
    }

    private List<SafetyCasesPerStage> casesPerStage(MapSqlParameterSource parameters) {
        String sql = "select c.current_stage as stage, count(*) as n from {case} c where c.status <> 'CLOSED' and "
                + IN_FILTER + " and c.case_id in " + SAFETY_CONCERN_CASES + " group by c.current_stage";
        List<Map<String, Object>> rows = jdbc.queryForList(ReportingViews.sql(sql), parameters);
        return rows.stream()
                .sorted(Comparator.comparing(row -> Stage.valueOf((String) row.get("stage"))))
                .map(row -> {
                    long n = ((Number) row.get("n")).longValue();
                    return small(n) ? new SafetyCasesPerStage((String) row.get("stage"), null, true)
                            : new SafetyCasesPerStage((String) row.get("stage"), n, false);
                }).toList();
    }

    /**
     * Per case: the first meldcode decision's date minus the municipal date of its first safety concern (a
     * signal's receipt, or a triage that found it), never below 0.
     */
    private SignalToDecision signalToDecision(DashboardFilter filter, MapSqlParameterSource parameters) {
        String sql = """
                with decided as (
                    -- Why from the period's decisions (issue 14, decision 0062): a case's first decision lies in
                    -- the period when it has one there and none before, so an index range on (step, done_on)
                    -- and a probe per case replace grouping every decision ever recorded. Its decided_on lies in the
                    -- period by construction (the least of the period's dates).
                    select e.case_id, min(e.done_on) as decided_on
                    from {meldcode_step} e
                    where e.step = 'BESLISSEN' and e.done_on >= :fromDate and e.done_on < :toDate
                      and not exists (select 1 from {meldcode_step} earlier
                                      where earlier.case_id = e.case_id and earlier.step = 'BESLISSEN'
                                        and earlier.done_on < :fromDate)
                    group by e.case_id
                ), scoped as materialized (
                """ + scope(filter) + """
                ), days as (
                    select greatest(0, c.decided_on - cast(least(
                               (select min(s.received_at) from {signal} s where s.case_id = c.case_id and s.safety_concern),
                               (select min(t.assessed_at) from {triage_safety_concern} t where t.case_id = c.case_id and t.safety_concern))
                           at time zone :zone as date)) as days
                    from scoped c
                    where """ + SAFETY_CONCERN + """
                )
                select count(*) as n,
                       percentile_cont(0.5) within group (order by days) as median_days,
                       percentile_cont(0.8) within group (order by days) as p80_days
                from days
                """;
        Map<String, Object> row = jdbc.queryForMap(ReportingViews.sql(sql), new MapSqlParameterSource(parameters.getValues())
                .addValue("zone", MunicipalTime.ZONE.getId())
                .addValue("fromDate", LocalDate.ofInstant(filter.from(), MunicipalTime.ZONE))
                .addValue("toDate", LocalDate.ofInstant(filter.to(), MunicipalTime.ZONE)));
        long n = ((Number) row.get("n")).longValue();
        if (small(n)) {
            return new SignalToDecision(null, null, null, true);
        }
        return new SignalToDecision(n, decimal(row.get("median_days")), decimal(row.get("p80_days")), false);
    }

    /**
     * The period's decided cases in the filter. Why apart from the concern's check (issue 14, decision 0064): joined
     * in one step, the planner checked the concern on every case of the team (a probe each) or probed the case's row
     * for every decision of the period (13,700 heap reads for one team over a year); materialized first, the team's
     * cases are read once from their index and hashed, and only the cases in scope are checked. For all teams no case
     * is read: every decision references its case (not null).
     */
    private static String scope(DashboardFilter filter) {
        if (filter.team() == null && filter.wijk() == null) {
            return "select d.case_id, d.decided_on from decided d";
        }
        return "select d.case_id, d.decided_on from decided d join {case} c on c.case_id = d.case_id where " + IN_FILTER;
    }

    private boolean small(long count) {
        return count > 0 && count < dashboard.minGroupSize();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
