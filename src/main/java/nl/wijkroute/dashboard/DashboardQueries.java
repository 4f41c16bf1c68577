package nl.wijkroute.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.wijkroute.route.RouteVariables;
import nl.wijkroute.route.Stage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The indicators, computed in PostgreSQL from the append-only step history (through its stage-stay
 * projection) and the other modules' data, read only through the views their owners publish for reporting
 * ({@link ReportingViews}, issue 19). Every query filters on the case's team and wijk (copied onto the
 * rows it counts), and returns aggregates only.
 * Definitions: docs/dashboard-indicators.md.
 */
@Repository
class DashboardQueries {

    /** Cases in scope of the filter; joined into every query. */
    private static final String SCOPE = """
            join {case} c on c.case_id = %s
            where (cast(:team as varchar) is null or c.team_id = :team)
              and (cast(:wijk as varchar) is null or c.wijk_id = :wijk)
            """;

    /**
     * The same scope as {@link #SCOPE}, for the outcome indicators over many rows of a period (issue 14):
     * without a team or wijk there is nothing to check on the case, so the call reads no case at all (every
     * row references its case, not null, so the numbers are the same); with one, each row is checked by a
     * probe into the case. Saves one probe per row (or a scan of every case) for all teams.
     */
    static final String SCOPE_WHEN_FILTERED = """
            where ((cast(:team as varchar) is null and cast(:wijk as varchar) is null)
                   or exists (select 1 from {case} c where c.case_id = %s
                              and (cast(:team as varchar) is null or c.team_id = :team)
                              and (cast(:wijk as varchar) is null or c.wijk_id = :wijk)))
            """;

    /**
     * The scope of a row {@code alias} that carries copies of its case's team and wijk ({@code team_id}, {@code wijk_id},
     * V76, decision 0066), for the outcome indicators over many rows of a period: with a team, the rows' own team index
     * is one range of the team's rows (the wijk, if also chosen, checked on the copy); with only a wijk, as
     * {@link #SCOPE_WHEN_FILTERED} (each row's case checked); for all teams nothing to check.
     */
    static String scopeByCopies(DashboardFilter filter, String alias) {
        if (filter.team() != null) {
            return "where %1$s.team_id = :team and (cast(:wijk as varchar) is null or %1$s.wijk_id = :wijk)\n".formatted(alias);
        }
        return SCOPE_WHEN_FILTERED.formatted(alias + ".case_id");
    }

    /** The cases themselves in scope of the filter (the case carries a copy of its household's wijk). */
    private static final String CASES = """
            from {case} c
            where (cast(:team as varchar) is null or c.team_id = :team)
              and (cast(:wijk as varchar) is null or c.wijk_id = :wijk)
            """;

    /**
     * {@link #SCOPE} when a team or wijk is chosen, otherwise no join at all (for a statement whose rows each
     * reference their case, not null, so the counts are the same): the plan for all teams then reads no case,
     * where the join cost a probe per row. Unlike {@link #SCOPE_WHEN_FILTERED}, a chosen team keeps the join, so
     * the planner can read the team's cases once (hash) instead of probing per row.
     */
    private static String scopeIfFiltered(DashboardFilter filter, String caseColumn) {
        return filter.team() == null && filter.wijk() == null ? "where true\n" : SCOPE.formatted(caseColumn);
    }

    private final NamedParameterJdbcTemplate jdbc;

    DashboardQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String key, long count, Double first, Double second) {
    }

    /** The stage each case is in now: the open stays (a partial index holds exactly those). */
    List<Row> workInProgressNow(DashboardFilter filter) {
        String sql = """
                select s.stage, count(*) as n
                from {stage_stay} s
                where s.left_at is null
                  and (cast(:team as varchar) is null or s.team_id = :team)
                  and (cast(:wijk as varchar) is null or s.wijk_id = :wijk)
                group by s.stage order by s.stage
                """;
        return jdbc.query(ReportingViews.sql(sql), forCall(filter), (rs, i) -> new Row(rs.getString("stage"), rs.getLong("n"), null, null));
    }

    /**
     * The stage each case was in at {@code asOf}: stays that had begun and not yet ended then. When the
     * day before {@code asOf} is in the dashboard's aggregate (decision 0055): the stays open at the end of
     * that day, plus those that began and minus those that ended on the day of {@code asOf} up to it — the
     * same number, since a stay that ended by then had begun by then. The open count at the end of a day is
     * that of the latest day with a move on or before it, per team, wijk and stage.
     */
    List<Row> workInProgress(DashboardFilter filter, Instant asOf) {
        DashboardAggregates.inMunicipalTime(jdbc); // the aggregate's days (in the caller's transaction)
        MapSqlParameterSource parameters = forCall(filter).addValue("asOf", Timestamp.from(asOf));
        List<Map<String, Object>> aggregated = jdbc.queryForList("""
                select cast(date_trunc('day', cast(:asOf as timestamptz)) at time zone s.time_zone as date) - 1 as base_day,
                       date_trunc('day', cast(:asOf as timestamptz)) as day_start, s.time_zone
                from dashboard_aggregate_state s
                where s.time_zone = current_setting('TimeZone')
                  and cast(date_trunc('day', cast(:asOf as timestamptz)) at time zone s.time_zone as date) - 1 <= s.through_day
                """, parameters);
        String sql;
        if (aggregated.isEmpty()) {
            sql = """
                    select s.stage, count(*) as n
                    from {stage_stay} s
                    where (cast(:team as varchar) is null or s.team_id = :team)
                      and (cast(:wijk as varchar) is null or s.wijk_id = :wijk)
                      and s.entered_at <= :asOf and (s.left_at is null or s.left_at > :asOf)
                    group by s.stage order by s.stage
                    """;
        } else {
            parameters.addValue("baseDay", aggregated.get(0).get("base_day")).addValue("dayStart", aggregated.get(0).get("day_start"));
            sql = """
                    select stage, sum(n) as n from (
                        select k.stage, b.open_at_end as n
                        from dashboard_stage_key k
                        cross join lateral (select a.open_at_end from dashboard_stage_day a
                                            where a.team_id = k.team_id and a.wijk_id = k.wijk_id and a.stage = k.stage
                                              and a.day <= :baseDay
                                            order by a.day desc limit 1) b
                        where (cast(:team as varchar) is null or k.team_id = :team)
                          and (cast(:wijk as varchar) is null or k.wijk_id = :wijk)
                        union all
                        select s.stage, 1
                        from {stage_stay} s
                        where s.entered_at >= :dayStart and s.entered_at <= :asOf
                          and (cast(:team as varchar) is null or s.team_id = :team)
                          and (cast(:wijk as varchar) is null or s.wijk_id = :wijk)
                        union all
                        select s.stage, -1
                        from {stage_stay} s
                        where s.left_at >= :dayStart and s.left_at <= :asOf
                          and (cast(:team as varchar) is null or s.team_id = :team)
                          and (cast(:wijk as varchar) is null or s.wijk_id = :wijk)
                    ) counts
                    group by stage having sum(n) > 0 order by stage
                    """;
        }
        return jdbc.query(ReportingViews.sql(sql), parameters, (rs, i) -> new Row(rs.getString("stage"), rs.getLong("n"), null, null));
    }

    /**
     * Time spent in each stage, for stays that ended in the period, and the whole route, for cases whose
     * support ended in the period (first signal to start of nazorg or closing): count, median and 80th
     * percentile in days. Stages come first, in no particular order; the route is the row keyed
     * {@code ROUTE}, always present.
     *
     * <p>Why one statement of branches: each stage reads its own slice of the (stage, left_at) index and
     * sorts only its own stored durations, and PostgreSQL runs the branches of the UNION ALL in parallel
     * — at a million cases this is what keeps the call under 200 ms. Stage names come from the enum,
     * never from input.
     */
    List<Row> leadTimes(DashboardFilter filter) {
        if (filter.team() == null && filter.wijk() == null) {
            try {
                List<Row> fromCounts = leadTimesFromCounts(filter);
                if (fromCounts != null) {
                    return fromCounts;
                }
            } catch (CountsDisagreeWithStays e) {
                // Stays removed or corrected by hand after their day was counted: answer live until the nightly rebuild.
                org.slf4j.LoggerFactory.getLogger(DashboardQueries.class).warn("{}; lead times answered live", e.getMessage());
            }
        }
        return leadTimesLive(filter);
    }

    /** {@link #leadTimes} from every stay of the period, sorted per stage (a team or wijk; and to compare, in tests). */
    List<Row> leadTimesLive(DashboardFilter filter) {
        jdbc.getJdbcOperations().execute("set local work_mem = '64MB'");
        String perStage = Arrays.stream(Stage.values()).filter(stage -> stage != Stage.AFGESLOTEN)
                .map(stage -> """
                        (select '%s' as key, count(*) as n,
                                percentile_cont(array[0.5, 0.8]) within group (order by s.duration_seconds) as p
                         from {stage_stay} s
                         where s.stage = '%s' and s.left_at >= :from and s.left_at < :to
                           and (cast(:team as varchar) is null or s.team_id = :team)
                           and (cast(:wijk as varchar) is null or s.wijk_id = :wijk))""".formatted(stage.name(), stage.name()))
                .collect(Collectors.joining("\nunion all\n"));
        String sql = "select * from (" + perStage + "\nunion all\n" + WHOLE_ROUTE + ") lead_times where n > 0 or key = 'ROUTE'";
        return jdbc.query(ReportingViews.sql(sql), forCall(filter), DashboardQueries::leadTime);
    }

    /** The whole route's lead time: cases whose support ended in the period, live. */
    private static final String WHOLE_ROUTE = """
                (select 'ROUTE' as key, count(*) as n,
                        percentile_cont(array[0.5, 0.8]) within group (order by date_part('epoch', c.closed_at - c.opened_at)) as p
                """ + CASES + """
                   and c.closed_at >= :from and c.closed_at < :to)""";

    private static Row leadTime(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Double[] seconds = rs.getArray("p") == null ? null : (Double[]) rs.getArray("p").getArray();
        return new Row(rs.getString("key"), rs.getLong("n"), seconds == null ? null : seconds[0] / 86400,
                seconds == null ? null : seconds[1] / 86400);
    }

    /** The stages a stay can be in (a case that is closed has no stay), as the live statement lists them. */
    private static final List<String> STAY_STAGES = Arrays.stream(Stage.values()).filter(stage -> stage != Stage.AFGESLOTEN)
            .map(Stage::name).toList();

    /**
     * Stays ended in the period per stage and duration bucket: the whole days up to the aggregate's {@code through_day}
     * from the counts per day (decision 0064), a partial first or last day and the days since live.
     */
    private static final String DURATION_COUNTS = """
            select stage, bucket, sum(stays) as stays from (
                select a.stage, a.bucket, a.stays
                from dashboard_stay_duration_day a
                where a.day >= cast(cast(:aggFrom as timestamptz) at time zone :zone as date)
                  and a.day < cast(cast(:aggTo as timestamptz) at time zone :zone as date)
                union all
                select s.stage, coalesce(dashboard_duration_bucket(s.duration_seconds), -1), count(*)
                from {stage_stay} s
                where s.stage in (:stages) and s.left_at >= :from and s.left_at < :aggFrom
                group by 1, 2
                union all
                select s.stage, coalesce(dashboard_duration_bucket(s.duration_seconds), -1), count(*)
                from {stage_stay} s
                where s.stage in (:stages) and s.left_at >= :aggTo and s.left_at < :to
                group by 1, 2
            ) counts
            group by stage, bucket
            """;

    /** The durations of one stage's stays ended in the period in one bucket, from the {@code row}-th in order (from 0). */
    private static final String DURATIONS_IN_BUCKET = """
            select s.duration_seconds
            from {stage_stay} s
            where s.stage = :stage and dashboard_duration_bucket(s.duration_seconds) = :bucket
              and s.duration_seconds is not null and s.left_at >= :from and s.left_at < :to
            order by s.duration_seconds
            offset :row limit 2
            """;

    /**
     * Lead times per stage for all teams from the counts per day (decision 0064), the same numbers as the live
     * statement: per stage, the period's stays counted per duration bucket (which orders them as their durations
     * do); the rows {@code percentile_cont} needs (floor and ceil of {@code fraction × (n − 1)}) are found in their
     * bucket and read from the stays of the period in that bucket alone, then interpolated with its arithmetic.
     * Null when the period holds no whole day the counts have (no aggregate yet, or a period within a day or
     * since the last refresh): the caller then asks live.
     */
    private List<Row> leadTimesFromCounts(DashboardFilter filter) {
        DashboardAggregates.inMunicipalTime(jdbc); // the counts' days (in the caller's transaction)
        MapSqlParameterSource parameters = forCall(filter);
        Map<String, Object> split = aggregateSplit(parameters);
        if (!((Timestamp) split.get("agg_from")).before((Timestamp) split.get("agg_to"))) {
            return null;
        }
        parameters.addValue("aggFrom", split.get("agg_from")).addValue("aggTo", split.get("agg_to"))
                .addValue("zone", split.get("zone")).addValue("stages", STAY_STAGES);
        Map<String, TreeMap<Integer, Long>> perStage = new LinkedHashMap<>();
        jdbc.query(ReportingViews.sql(DURATION_COUNTS), parameters, rs -> {
            if (STAY_STAGES.contains(rs.getString("stage"))) {
                perStage.computeIfAbsent(rs.getString("stage"), stage -> new TreeMap<>())
                        .merge(rs.getInt("bucket"), rs.getLong("stays"), Long::sum);
            }
        });
        List<Row> rows = new ArrayList<>();
        perStage.forEach((stage, buckets) -> {
            long all = buckets.values().stream().mapToLong(Long::longValue).sum();
            Long withoutDuration = buckets.remove(-1); // counted, as count(*) does; no duration to order
            if (all == 0) {
                return;
            }
            StageDurations durations = new StageDurations(stage, buckets, parameters);
            long n = all - (withoutDuration == null ? 0 : withoutDuration);
            rows.add(n == 0 ? new Row(stage, all, null, null)
                    : new Row(stage, all, durations.percentileCont(0.5, n) / 86400, durations.percentileCont(0.8, n) / 86400));
        });
        jdbc.getJdbcOperations().execute("set local work_mem = '64MB'");
        rows.addAll(jdbc.query(ReportingViews.sql(WHOLE_ROUTE), parameters, DashboardQueries::leadTime));
        return rows;
    }

    /** One stage's stays of the period: counts per bucket, and the durations of single rows read on demand. */
    private final class StageDurations {
        private final String stage;
        private final TreeMap<Integer, Long> buckets;
        private final MapSqlParameterSource parameters;
        private final Map<Long, Double> read = new HashMap<>();

        StageDurations(String stage, TreeMap<Integer, Long> buckets, MapSqlParameterSource parameters) {
            this.stage = stage;
            this.buckets = buckets;
            this.parameters = parameters;
        }

        /** PostgreSQL's {@code percentile_cont(fraction)} over the {@code n} durations. */
        double percentileCont(double fraction, long n) {
            return PercentileCont.of(fraction, n, this::durationAt);
        }

        /** The duration of the stay at {@code row} (from 0) in ascending order: its bucket, then its place there. */
        private double durationAt(long row) {
            Double known = read.get(row);
            if (known != null) {
                return known;
            }
            long before = 0;
            for (Map.Entry<Integer, Long> bucket : buckets.entrySet()) {
                if (row < before + bucket.getValue()) {
                    long inBucket = row - before;
                    List<Double> durations = jdbc.queryForList(ReportingViews.sql(DURATIONS_IN_BUCKET),
                            new MapSqlParameterSource(parameters.getValues()).addValue("stage", stage)
                                    .addValue("bucket", bucket.getKey()).addValue("row", inBucket), Double.class);
                    if (durations.isEmpty()) {
                        throw new CountsDisagreeWithStays("The counts per day of " + stage + " differ from its stays");
                    }
                    for (int i = 0; i < durations.size() && inBucket + i < bucket.getValue(); i++) {
                        read.put(row + i, durations.get(i));
                    }
                    return durations.get(0);
                }
                before += bucket.getValue();
            }
            throw new IllegalArgumentException("row " + row + " of " + before);
        }
    }

    /**
     * Signals by source, cases started and cases whose support ended, per week or month. The whole days of the
     * period up to the aggregate's {@code through_day} come from the dashboard's counts per day (decision 0055),
     * the rest (a partial first or last day, the days since) live; a day lies in one week and one month, so
     * the sums are the live query's.
     */
    List<Map<String, Object>> flow(DashboardFilter filter, String granularity) {
        DashboardAggregates.inMunicipalTime(jdbc); // the aggregate's days and weeks (in the caller's transaction)
        MapSqlParameterSource parameters = forCall(filter).addValue("unit", granularity);
        Map<String, Object> split = aggregateSplit(parameters);
        parameters.addValue("aggFrom", split.get("agg_from")).addValue("aggTo", split.get("agg_to")).addValue("zone", split.get("zone"));
        String sql = """
                with periods as (
                    select generate_series(date_trunc(:unit, cast(:from as timestamptz)), cast(:to as timestamptz) - interval '1 second',
                                           cast('1 ' || :unit as interval)) as period_start
                ),
                aggregated as (
                    select date_trunc(:unit, cast(a.day as timestamp) at time zone :zone) as period_start,
                           sum(a.partner) as partner, sum(a.resident) as resident, sum(a.frontoffice) as frontoffice,
                           sum(a.own_observation) as own_observation, sum(a.started) as started, sum(a.ended) as ended
                    from dashboard_flow_day a
                    where a.day >= cast(cast(:aggFrom as timestamptz) at time zone :zone as date)
                      and a.day < cast(cast(:aggTo as timestamptz) at time zone :zone as date)
                      and (cast(:team as varchar) is null or a.team_id = :team)
                      and (cast(:wijk as varchar) is null or a.wijk_id = :wijk)
                    group by 1
                ),
                signals as (
                    select period_start, source_type, sum(n) as n from (
                        select date_trunc(:unit, s.received_at) as period_start, s.source_type, count(*) as n
                        from {signal} s
                        where (cast(:team as varchar) is null or s.team_id = :team)
                          and (cast(:wijk as varchar) is null or s.wijk_id = :wijk)
                          and ((s.received_at >= :from and s.received_at < :aggFrom) or (s.received_at >= :aggTo and s.received_at < :to))
                        group by 1, 2
                        union all
                        select a.period_start, v.source_type, v.n
                        from aggregated a
                        cross join lateral (values ('PARTNER', a.partner), ('RESIDENT', a.resident),
                                                   ('FRONTOFFICE', a.frontoffice), ('OWN_OBSERVATION', a.own_observation)) v(source_type, n)
                    ) per_source
                    group by 1, 2
                ),
                started as (
                    select period_start, sum(n) as n from (
                        select date_trunc(:unit, c.opened_at) as period_start, count(*) as n
                """ + CASES + """
                          and ((c.opened_at >= :from and c.opened_at < :aggFrom) or (c.opened_at >= :aggTo and c.opened_at < :to))
                        group by 1
                        union all
                        select period_start, started from aggregated
                    ) per_period
                    group by 1
                ),
                ended as (
                    select period_start, sum(n) as n from (
                        select date_trunc(:unit, c.closed_at) as period_start, count(*) as n
                """ + CASES + """
                          and ((c.closed_at >= :from and c.closed_at < :aggFrom) or (c.closed_at >= :aggTo and c.closed_at < :to))
                        group by 1
                        union all
                        select period_start, ended from aggregated
                    ) per_period
                    group by 1
                )
                select p.period_start,
                       coalesce(st.n, 0) as started, coalesce(en.n, 0) as ended,
                       coalesce(sum(sg.n) filter (where sg.source_type = 'PARTNER'), 0) as partner,
                       coalesce(sum(sg.n) filter (where sg.source_type = 'RESIDENT'), 0) as resident,
                       coalesce(sum(sg.n) filter (where sg.source_type = 'FRONTOFFICE'), 0) as frontoffice,
                       coalesce(sum(sg.n) filter (where sg.source_type = 'OWN_OBSERVATION'), 0) as own_observation
                from periods p
                left join signals sg on sg.period_start = p.period_start
                left join started st on st.period_start = p.period_start
                left join ended en on en.period_start = p.period_start
                group by p.period_start, st.n, en.n
                order by p.period_start
                """;
        return jdbc.queryForList(ReportingViews.sql(sql), parameters);
    }

    /**
     * Where a period's whole days in the aggregate begin and end ({@code agg_from}, {@code agg_to}; both {@code :to}
     * when it has none) and the aggregate's zone ({@code zone}). Needs {@link DashboardAggregates#inMunicipalTime}.
     */
    private Map<String, Object> aggregateSplit(MapSqlParameterSource parameters) {
        return jdbc.queryForMap("""
                select coalesce(max(case when x.agg_from < x.agg_to then x.agg_from end), cast(:to as timestamptz)) as agg_from,
                       coalesce(max(case when x.agg_from < x.agg_to then x.agg_to end), cast(:to as timestamptz)) as agg_to,
                       coalesce(max(x.time_zone), current_setting('TimeZone')) as zone
                from (select case when date_trunc('day', cast(:from as timestamptz)) = cast(:from as timestamptz)
                                  then cast(:from as timestamptz)
                                  else date_trunc('day', cast(:from as timestamptz)) + interval '1 day' end as agg_from,
                             least(date_trunc('day', cast(:to as timestamptz)),
                                   cast(s.through_day + 1 as timestamp) at time zone s.time_zone) as agg_to,
                             s.time_zone
                      from dashboard_aggregate_state s where s.time_zone = current_setting('TimeZone')) x
                """, parameters);
    }

    /**
     * Legal terms due in the period, per law: met in time, breached, still running. Why the case is joined only
     * for a team or wijk (issue 14, decision 0064): every term references its case (not null), so for all teams
     * the join changes no count, but it cost a probe into the cases per term (22,000 for 90 days at 1 M cases,
     * most of the call); with a filter the join picks the team's cases, as before.
     */
    List<Map<String, Object>> deadlineCompliance(DashboardFilter filter) {
        String sql = """
                select r.law, count(*) as terms,
                       count(*) filter (where d.status = 'MET' and not d.breached) as met_in_time,
                       count(*) filter (where d.breached) as breached,
                       count(*) filter (where d.status <> 'MET' and not d.breached) as running
                from {legal_term} d join {toegang_request} r on r.request_id = d.toegang_request_id
                """ + scopeIfFiltered(filter, "d.case_id") + """
                  and d.due_on >= cast(:from as timestamptz)::date and d.due_on < cast(:to as timestamptz)::date
                group by r.law order by r.law
                """;
        return jdbc.queryForList(ReportingViews.sql(sql), forCall(filter));
    }

    /** Bezwaren received in the period, per law, by outcome; late ones came after the bezwaartermijn (Awb 6:9). */
    List<Map<String, Object>> bezwaren(DashboardFilter filter) {
        String sql = """
                select b.law, count(*) as bezwaren,
                       count(*) filter (where b.outcome = 'GEGROND') as gegrond,
                       count(*) filter (where b.outcome = 'ONGEGROND') as ongegrond,
                       count(*) filter (where b.outcome = 'NIET_ONTVANKELIJK') as niet_ontvankelijk,
                       count(*) filter (where b.outcome = 'INGETROKKEN') as ingetrokken,
                       count(*) filter (where b.outcome is null) as open,
                       count(*) filter (where not b.timely) as late
                from {bezwaar} b
                """ + SCOPE.formatted("b.case_id") + """
                  and b.received_on >= cast(:from as timestamptz)::date and b.received_on < cast(:to as timestamptz)::date
                group by b.law order by b.law
                """;
        return jdbc.queryForList(ReportingViews.sql(sql), forCall(filter));
    }

    /** Escalations raised in the period per cause, and the median days from escalation to the casusoverleg's doorbraak. */
    List<Row> escalations(DashboardFilter filter) {
        String sql = """
                select e.cause, count(*) as n,
                       percentile_cont(0.5) within group (order by extract(epoch from
                           e.casusoverleg_at - e.raised_at)) / 86400 as median_days
                from {escalation} e
                """ + SCOPE.formatted("e.case_id") + """
                  and e.raised_at >= :from and e.raised_at < :to
                group by e.cause order by e.cause
                """;
        return jdbc.query(ReportingViews.sql(sql), forCall(filter), (rs, i) -> new Row(rs.getString("cause"), rs.getLong("n"),
                (Double) rs.getObject("median_days"), null));
    }

    /** Handovers proposed in the period, by outcome, and the hours until acceptance. */
    Map<String, Object> handovers(DashboardFilter filter) {
        String sql = """
                select count(*) as proposed,
                       count(*) filter (where o.status = 'ACCEPTED') as accepted,
                       count(*) filter (where o.status = 'DECLINED') as declined,
                       count(*) filter (where o.status = 'PROPOSED') as pending,
                       percentile_cont(0.5) within group (order by extract(epoch from o.decided_at - o.created_at))
                           filter (where o.status = 'ACCEPTED') / 3600 as median_hours,
                       percentile_cont(0.8) within group (order by extract(epoch from o.decided_at - o.created_at))
                           filter (where o.status = 'ACCEPTED') / 3600 as p80_hours
                from {handover} o
                """ + SCOPE.formatted("o.case_id") + """
                  and o.created_at >= :from and o.created_at < :to
                """;
        return jdbc.queryForMap(ReportingViews.sql(sql), forCall(filter));
    }

    /**
     * Cases whose support ended in the period, and how many of them never needed a toegang request. Why the anti join
     * apart from the count (issue 14, decision 0066): as a filter of the count, "no request" was a subplan, one probe
     * into the requests' index per ended case (75,000 for all teams over 90 days at 1 M cases, three pages each); as a
     * join of its own the planner may read the requests' case ids once and hash them. Same cases, same counts.
     */
    Map<String, Object> frontDoor(DashboardFilter filter) {
        String sql = """
                with ended as materialized (
                    select c.case_id
                """ + CASES + """
                      and c.closed_at >= :from and c.closed_at < :to
                )
                select (select count(*) from ended) as ended,
                       (select count(*) from ended e
                        where not exists (select 1 from {toegang_request} r where r.case_id = e.case_id)) as without_indication
                """;
        return jdbc.queryForMap(ReportingViews.sql(sql), forCall(filter));
    }

    /**
     * Cases whose support ended in the period, and how many households had a new case within 12 months
     * after (flagged on the earlier case by a trigger when the later one opens).
     */
    Map<String, Object> recurrence(DashboardFilter filter) {
        String sql = """
                select count(*) as ended, count(*) filter (where c.recurred_within_12_months) as recurred
                """ + CASES + """
                  and c.closed_at >= :from and c.closed_at < :to
                """;
        return jdbc.queryForMap(ReportingViews.sql(sql), forCall(filter));
    }

    /** Escalations raised in the period that reached a doorbraak, and how many of those named a temporary payer. */
    Map<String, Object> doorbraakPayers(DashboardFilter filter) {
        String sql = """
                select count(*) as doorbraken,
                       count(*) filter (where e.payer_named) as with_payer
                from {escalation} e
                """ + SCOPE.formatted("e.case_id") + """
                  and e.raised_at >= :from and e.raised_at < :to and e.doorbraak
                """;
        return jdbc.queryForMap(ReportingViews.sql(sql), forCall(filter));
    }

    /**
     * Households with a toegang request made in the period, and how many of them had requests under two or
     * more laws in the period (over all their cases).
     */
    Map<String, Object> multiLawHouseholds(DashboardFilter filter) {
        String sql = """
                select count(*) as households, count(*) filter (where laws >= 2) as multi_law
                from (select c.household_id, count(distinct r.law) as laws
                      from {toegang_request} r
                """ + SCOPE.formatted("r.case_id") + """
                        and r.requested_at >= :from and r.requested_at < :to
                      group by c.household_id) per_household
                """;
        return jdbc.queryForMap(ReportingViews.sql(sql), forCall(filter));
    }

    /**
     * Toegang requests refused in the period, and how many of them were followed, before the end of the
     * period, by a request under another law for the same household (any of its cases).
     */
    Map<String, Object> refusalsFollowedByOtherLaw(DashboardFilter filter) {
        String sql = """
                select count(*) as refusals,
                       count(*) filter (where exists (
                           select 1 from {toegang_request} later join {case} lc on lc.case_id = later.case_id
                           where lc.household_id = c.household_id and later.law <> r.law
                             and later.requested_at >= r.decided_at and later.requested_at < :to)) as followed
                from {toegang_request} r
                """ + SCOPE.formatted("r.case_id") + """
                  and r.outcome = 'REFUSED' and r.decided_at >= :from and r.decided_at < :to
                """;
        return jdbc.queryForMap(ReportingViews.sql(sql), forCall(filter));
    }

    /** Cases with a back-move (decision 0028) in the period, and how many had two or more there. */
    Map<String, Object> repeatedBackMoves(DashboardFilter filter) {
        String sql = """
                select count(*) as cases, count(*) filter (where moves >= 2) as repeated
                from (select h.case_id, count(*) as moves
                      from {step_history} h
                """ + SCOPE.formatted("h.case_id") + """
                        and h.back_move and h.moved_at >= :from and h.moved_at < :to
                      group by h.case_id) per_case
                """;
        return jdbc.queryForMap(ReportingViews.sql(sql), forCall(filter));
    }

    /** Legal terms due in the period (as in deadline compliance), and how many were suspended at some time. */
    Map<String, Object> suspendedTerms(DashboardFilter filter) {
        String sql = """
                select count(*) as terms,
                       count(*) filter (where d.status = 'SUSPENDED' or d.suspended_days > 0
                           or exists (select 1 from {deadline_suspension} s where s.deadline_id = d.deadline_id)) as suspended
                from {legal_term} d
                """ + SCOPE.formatted("d.case_id") + """
                  and d.due_on >= cast(:from as timestamptz)::date and d.due_on < cast(:to as timestamptz)::date
                """;
        return jdbc.queryForMap(ReportingViews.sql(sql), forCall(filter));
    }

    /** Toegang requests decided in the period, by outcome. */
    Map<String, Object> decisionOutcomes(DashboardFilter filter) {
        String sql = """
                select count(*) as decided,
                       count(*) filter (where r.outcome = 'REFUSED') as refused,
                       count(*) filter (where r.outcome = 'PARTLY') as partly
                from {toegang_request} r
                """ + SCOPE.formatted("r.case_id") + """
                  and r.outcome is not null and r.decided_at >= :from and r.decided_at < :to
                """;
        return jdbc.queryForMap(ReportingViews.sql(sql), forCall(filter));
    }

    /*
     * Outcomes (issue 16.5, decision 0046). Definitions: docs/dashboard-indicators.md, "Outcomes".
     */

    /**
     * Per leefgebied: the goals whose latest evaluation up to the end of the period lies in the period, by
     * attainment, and the cases they belong to. Why no window over the goals (issue 14, decision 0064): each
     * evaluation carries when its goal was next evaluated ({@code superseded_at}, kept by the plan module's trigger,
     * V72), and an evaluation in the period is its goal's latest up to the end exactly when the goal was not
     * evaluated again before the end (a later evaluation before the end lies in the period too). So the call reads
     * one index range of the period's evaluations and sorts nothing by goal; evaluations of a goal at the same time
     * count alike, as with the window's {@code max()} before. The distinct cases come from counting per case and
     * leefgebied first: {@code count(distinct case_id)} sorted the 122,000 rows of all teams over 90 days (at 1 M cases)
     * by leefgebied and case, most of the statement's time (the text comparisons), where the grouping needs none.
     * For one team the evaluations' copy of their case's team (V76, decision 0066) makes the team's rows one index range
     * of their own, instead of every team's rows of the period checked against the team's cases.
     */
    List<Map<String, Object>> goalsAttained(DashboardFilter filter) {
        String sql = """
                select leefgebied, sum(goals) as goals, count(*) as cases, sum(attained) as attained, sum(partly) as partly
                from (select g.leefgebied, count(*) as goals,
                             count(*) filter (where g.attainment = 'ATTAINED') as attained,
                             count(*) filter (where g.attainment = 'PARTLY') as partly
                      from {goal_evaluation} g
                """ + scopeByCopies(filter, "g") + """
                        and g.evaluated_at >= :from and g.evaluated_at < :to
                        and (g.superseded_at is null or g.superseded_at >= :to)
                      group by g.case_id, g.leefgebied) per_case
                group by leefgebied order by leefgebied
                """;
        return jdbc.queryForList(ReportingViews.sql(sql), forCall(filter));
    }

    /**
     * Cases whose support ended in the period and that had a plan phase (from their first entry into PLAN to
     * the end of support), and how many had exactly one casusregisseur in it: a person or the household
     * (eigen regie); the team as a whole is nobody personally and does not count.
     */
    Map<String, Object> oneRegisseur(DashboardFilter filter) {
        DashboardAggregates.inMunicipalTime(jdbc); // the counts per case are cut at a day in that zone
        // As involvement: cases ended before the aggregate's boundary from the counts per case (decision 0055).
        String sql = LIVE_AFTER_THE_BOUNDARY + """
                per_case as (
                    select f.regisseurs
                    """ + STORED_BEFORE_THE_BOUNDARY + """
                      and f.regisseurs is not null
                    union all
                    select """ + REGISSEURS + """
                    from ended e
                """ + PLAN_START + """
                    where p.plan_start is not null
                )
                select count(*) as ended, count(*) filter (where regisseurs = 1) as one_regisseur
                from per_case
                """;
        return jdbc.queryForMap(ReportingViews.sql(sql), forCall(filter));
    }

    /** The first moment of the aggregated counts per case not taken in yet; -infinity when there are none. */
    private static final String AGGREGATED_UP_TO = """
                    select coalesce((select cast(s.through_day + 1 as timestamp) at time zone s.time_zone
                                     from dashboard_aggregate_state s where s.time_zone = current_setting('TimeZone')),
                                    '-infinity'::timestamptz) as upto
            """;

    /**
     * The CTEs {@code bound} ({@link #AGGREGATED_UP_TO}) and {@code ended}: the cases ended in the period on or after
     * the boundary, which are counted live. Starts a query's {@code with}; ends with a comma.
     */
    private static final String LIVE_AFTER_THE_BOUNDARY = """
                with bound as (
                """ + AGGREGATED_UP_TO + """
                ),
                ended as (
                    select c.case_id as id, c.closed_at
                """ + CASES + """
                      and c.closed_at >= :from and c.closed_at < :to
                      and c.closed_at >= (select upto from bound)
                ),
            """;

    /** The counts per case {@code f} of the cases ended in the period before the boundary (needs {@code bound}). */
    private static final String STORED_BEFORE_THE_BOUNDARY = """
                    from dashboard_case_involvement f
                    where (cast(:team as varchar) is null or f.team_id = :team)
                      and (cast(:wijk as varchar) is null or f.wijk_id = :wijk)
                      and f.closed_at >= :from and f.closed_at < :to
                      and f.closed_at < (select upto from bound)
            """;

    /** The first entry into PLAN of a case {@code e} ({@code p.plan_start}, null when it had no plan phase). */
    static final String PLAN_START = """
                    cross join lateral (select min(h.moved_at) as plan_start from {step_history} h
                                        where h.case_id = e.id and h.to_stage = 'PLAN') p
            """;

    /**
     * The casusregisseurs of a case {@code e} (columns {@code id}, {@code closed_at}) in its plan phase
     * ({@link #PLAN_START}), as column {@code regisseurs}. Shared with {@link DashboardAggregates}.
     */
    static final String REGISSEURS = """
                           (select count(distinct r.holder_type || ':' || r.holder) from {regie_assignment} r
                            where r.case_id = e.id and r.kind = 'CASUSREGIE' and r.holder_type <> 'TEAM'
                              and r.started_at < e.closed_at
                              and (r.ended_at is null or r.ended_at > p.plan_start)) as regisseurs
            """;

    /**
     * Organisations and professionals active per case whose support ended in the period: the medians and
     * 80th percentiles (on every row) and the number of cases per count, capped at {@code organisationCap}
     * and {@code professionalCap} ("or more"), one row per measure and bucket.
     *
     * <p>Active organisation: owns a partner action in any version of the case's plan, received an accepted
     * warme overdracht, or held regie (its team or organisation). Active professional: wrote on the case
     * between opening and the end of support (a move, a plan version, regie held personally, a handover sent
     * or decided, a toegang request made or decided); the engine's moves ({@code system}) are nobody.
     */
    List<Map<String, Object>> involvement(DashboardFilter filter, int organisationCap, int professionalCap) {
        DashboardAggregates.inMunicipalTime(jdbc); // the counts per case are cut at a day in that zone
        // Cases ended before the aggregate's boundary come from the counts per case (decision 0055), the rest
        // live with the same counting (INVOLVEMENT_PER_CASE): a case is in exactly one of the two.
        String sql = LIVE_AFTER_THE_BOUNDARY + """
                per_case as (
                    select f.organisations, f.professionals
                    """ + STORED_BEFORE_THE_BOUNDARY + """
                    union all
                    select """ + INVOLVEMENT_COUNTS + """
                    from ended e
                ),
                summary as (
                    select count(*) as ended,
                           percentile_cont(0.5) within group (order by organisations) as median_organisations,
                           percentile_cont(0.8) within group (order by organisations) as p80_organisations,
                           percentile_cont(0.5) within group (order by professionals) as median_professionals,
                           percentile_cont(0.8) within group (order by professionals) as p80_professionals
                    from per_case
                ),
                buckets as (
                    select 'ORGANISATIONS' as measure, least(organisations, :organisationCap) as bucket, count(*) as n
                    from per_case group by 2
                    union all
                    select 'PROFESSIONALS', least(professionals, :professionalCap), count(*) from per_case group by 2
                )
                select s.*, b.measure, b.bucket, b.n
                from summary s left join buckets b on true
                order by b.measure, b.bucket
                """;
        return jdbc.queryForList(ReportingViews.sql(sql), forCall(filter).addValue("organisationCap", organisationCap)
                .addValue("professionalCap", professionalCap).addValue("system", RouteVariables.SYSTEM_ACTOR));
    }

    /**
     * The two columns {@code organisations} and {@code professionals} of a case {@code e} (columns {@code id},
     * {@code closed_at}); needs {@code :system}. Shared by the live call and {@link DashboardAggregates}, so
     * both count alike.
     */
    static final String INVOLVEMENT_COUNTS = """
                           (select count(distinct o.organisation) from (
                                select a.organisation_id as organisation
                                from {plan_partner_action} a where a.case_id = e.id
                                union all
                                select h.receiver_organisation from {handover} h where h.case_id = e.id and h.status = 'ACCEPTED'
                                union all
                                select r.holder_organisation from {regie_assignment} r where r.case_id = e.id
                            ) o where o.organisation is not null) as organisations,
                           (select count(distinct w.professional) from (
                                select s.actor as professional from {step_history} s
                                where s.case_id = e.id and s.moved_at <= e.closed_at
                                union all
                                select v.changed_by from {plan_version} v
                                where v.case_id = e.id and v.changed_at <= e.closed_at
                                union all
                                select r.holder from {regie_assignment} r
                                where r.case_id = e.id and r.holder_type = 'PROFESSIONAL' and r.started_at <= e.closed_at
                                union all
                                select h.sender from {handover} h where h.case_id = e.id and h.created_at <= e.closed_at
                                union all
                                select h.decided_by from {handover} h where h.case_id = e.id and h.decided_at <= e.closed_at
                                union all
                                select t.requested_by from {toegang_request} t where t.case_id = e.id and t.requested_at <= e.closed_at
                                union all
                                select t.decided_by from {toegang_request} t where t.case_id = e.id and t.decided_at <= e.closed_at
                            ) w where w.professional is not null and w.professional <> :system) as professionals
            """;

    /**
     * Short-route cases: a toeleiding completed in the period (each case's latest there); connected; solved in
     * the voorliggend veld (connected there, and no toegang request for the case before the end of the period);
     * and whether the voorliggend veld was used before a maatwerk request.
     *
     * <p>Why no probe for a later trace (issue 14, decision 0066): each trace carries when its case next passed the
     * toeleiding ({@code superseded_at}, kept by the toeleiding module's trigger, V75), and a trace in the period is
     * its case's latest up to the end exactly when the case did not pass again before the end (a later trace before
     * the end lies in the period too). So the call reads one index range of the period's traces, from the index
     * alone; "no toegang request before the end" is one probe into the requests' index on (case, time). For one team,
     * the traces' copy of their case's team (V76) makes the team's traces one index range of their own.
     */
    Map<String, Object> shortRoute(DashboardFilter filter) {
        String sql = """
                select count(*) as cases,
                       count(*) filter (where t.outcome = 'CONNECTED') as connected,
                       count(*) filter (where t.outcome = 'CONNECTED' and t.in_voorliggend_veld
                           and not exists (select 1 from {toegang_request} r
                                           where r.case_id = t.case_id and r.requested_at < :to)) as solved,
                       count(*) filter (where t.voorliggend_veld_used) as used
                from {toeleiding_trace} t
                """ + scopeByCopies(filter, "t") + """
                  and t.recorded_at >= :from and t.recorded_at < :to
                  and (t.superseded_at is null or t.superseded_at >= :to)
                """;
        return jdbc.queryForMap(ReportingViews.sql(sql), forCall(filter));
    }

    /**
     * The parameters of one dashboard call, planned for these values. Why force custom plans: every
     * query treats team and wijk as optional ({@code :team is null or team_id = :team}); once the JDBC
     * driver prepares a repeated statement on the server, PostgreSQL may switch to a generic plan that
     * cannot use the per-team indexes, and a manager's fifth click takes seconds instead of milliseconds.
     * Needs the caller's transaction (every {@link DashboardService} method has one). The indicators outside this
     * class (safety, self-sufficiency change) take theirs from here too.
     */
    private MapSqlParameterSource forCall(DashboardFilter filter) {
        return forCall(jdbc, filter);
    }

    /** As {@link #forCall(DashboardFilter)}, on the caller's own template (the same transaction's connection). */
    static MapSqlParameterSource forCall(NamedParameterJdbcTemplate jdbc, DashboardFilter filter) {
        jdbc.getJdbcOperations().execute("set local plan_cache_mode = force_custom_plan");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("team", filter.team());
        values.put("wijk", filter.wijk());
        values.put("from", Timestamp.from(filter.from()));
        values.put("to", Timestamp.from(filter.to()));
        return new MapSqlParameterSource(values);
    }

    /** The counts per day name more stays of a bucket than the table holds (stays removed or changed by hand). */
    private static final class CountsDisagreeWithStays extends RuntimeException {
        CountsDisagreeWithStays(String message) {
            super(message);
        }
    }
}
