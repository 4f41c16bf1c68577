package nl.wijkroute.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.wijkroute.route.Stage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The indicators, computed in PostgreSQL from the append-only step history (through its stage_stay
 * projection, kept by a trigger) and the other tables.
 * Every query joins the case for the team and the household for the wijk, and returns aggregates only.
 * Definitions: docs/dashboard-indicators.md.
 */
@Repository
class DashboardQueries {

    /** Cases in scope of the filter; joined into every query. */
    private static final String SCOPE = """
            join support_case c on c.id = %s
            where (cast(:team as varchar) is null or c.team_id = :team)
              and (cast(:wijk as varchar) is null or c.wijk_id = :wijk)
            """;

    /** The cases themselves in scope of the filter (the case carries a copy of its household's wijk). */
    private static final String CASES = """
            from support_case c
            where (cast(:team as varchar) is null or c.team_id = :team)
              and (cast(:wijk as varchar) is null or c.wijk_id = :wijk)
            """;

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
                from stage_stay s
                where s.left_at is null
                  and (cast(:team as varchar) is null or s.team_id = :team)
                  and (cast(:wijk as varchar) is null or s.wijk_id = :wijk)
                group by s.stage order by s.stage
                """;
        return jdbc.query(sql, forCall(filter), (rs, i) -> new Row(rs.getString("stage"), rs.getLong("n"), null, null));
    }

    /** The stage each case was in at {@code asOf}: stays that had begun and not yet ended then. */
    List<Row> workInProgress(DashboardFilter filter, Instant asOf) {
        String sql = """
                select s.stage, count(*) as n
                from stage_stay s
                where (cast(:team as varchar) is null or s.team_id = :team)
                  and (cast(:wijk as varchar) is null or s.wijk_id = :wijk)
                  and s.entered_at <= :asOf and (s.left_at is null or s.left_at > :asOf)
                group by s.stage order by s.stage
                """;
        return jdbc.query(sql, forCall(filter).addValue("asOf", Timestamp.from(asOf)),
                (rs, i) -> new Row(rs.getString("stage"), rs.getLong("n"), null, null));
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
        jdbc.getJdbcOperations().execute("set local work_mem = '64MB'");
        String perStage = Arrays.stream(Stage.values()).filter(stage -> stage != Stage.AFGESLOTEN)
                .map(stage -> """
                        (select '%s' as key, count(*) as n,
                                percentile_cont(array[0.5, 0.8]) within group (order by s.duration_seconds) as p
                         from stage_stay s
                         where s.stage = '%s' and s.left_at >= :from and s.left_at < :to
                           and (cast(:team as varchar) is null or s.team_id = :team)
                           and (cast(:wijk as varchar) is null or s.wijk_id = :wijk))""".formatted(stage.name(), stage.name()))
                .collect(Collectors.joining("\nunion all\n"));
        String wholeRoute = """
                (select 'ROUTE' as key, count(*) as n,
                        percentile_cont(array[0.5, 0.8]) within group (order by date_part('epoch', c.closed_at - c.opened_at)) as p
                """ + CASES + """
                   and c.closed_at >= :from and c.closed_at < :to)""";
        String sql = "select * from (" + perStage + "\nunion all\n" + wholeRoute + ") lead_times where n > 0 or key = 'ROUTE'";
        return jdbc.query(sql, forCall(filter), (rs, i) -> {
            Double[] seconds = rs.getArray("p") == null ? null : (Double[]) rs.getArray("p").getArray();
            return new Row(rs.getString("key"), rs.getLong("n"), seconds == null ? null : seconds[0] / 86400,
                    seconds == null ? null : seconds[1] / 86400);
        });
    }

    /** Signals by source, cases started and cases whose support ended, per week or month. */
    List<Map<String, Object>> flow(DashboardFilter filter, String granularity) {
        String sql = """
                with periods as (
                    select generate_series(date_trunc(:unit, cast(:from as timestamptz)), cast(:to as timestamptz) - interval '1 second',
                                           cast('1 ' || :unit as interval)) as period_start
                ),
                signals as (
                    select date_trunc(:unit, s.received_at) as period_start, s.source_type, count(*) as n
                    from signal s
                    where (cast(:team as varchar) is null or s.team_id = :team)
                      and (cast(:wijk as varchar) is null or s.wijk_id = :wijk)
                      and s.received_at >= :from and s.received_at < :to
                    group by 1, 2
                ),
                started as (
                    select date_trunc(:unit, c.opened_at) as period_start, count(*) as n
                """ + CASES + """
                      and c.opened_at >= :from and c.opened_at < :to
                    group by 1
                ),
                ended as (
                    select date_trunc(:unit, c.closed_at) as period_start, count(*) as n
                """ + CASES + """
                      and c.closed_at >= :from and c.closed_at < :to
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
        return jdbc.queryForList(sql, forCall(filter).addValue("unit", granularity));
    }

    /** Legal terms due in the period, per law: met in time, breached, still running. */
    List<Map<String, Object>> deadlineCompliance(DashboardFilter filter) {
        String sql = """
                select r.law, count(*) as terms,
                       count(*) filter (where d.status = 'MET' and not d.breached) as met_in_time,
                       count(*) filter (where d.breached) as breached,
                       count(*) filter (where d.status <> 'MET' and not d.breached) as running
                from legal_deadline d join toegang_request r on r.id = d.toegang_request_id
                """ + SCOPE.formatted("d.case_id") + """
                  and d.due_on >= cast(:from as timestamptz)::date and d.due_on < cast(:to as timestamptz)::date
                group by r.law order by r.law
                """;
        return jdbc.queryForList(sql, forCall(filter));
    }

    /** Escalations raised in the period per cause, and the median days from escalation to the casusoverleg's doorbraak. */
    List<Row> escalations(DashboardFilter filter) {
        String sql = """
                select e.cause, count(*) as n,
                       percentile_cont(0.5) within group (order by extract(epoch from
                           cast(e.doorbraak ->> 'casusoverlegAt' as timestamptz) - e.raised_at)) / 86400 as median_days
                from escalation e
                """ + SCOPE.formatted("e.case_id") + """
                  and e.raised_at >= :from and e.raised_at < :to
                group by e.cause order by e.cause
                """;
        return jdbc.query(sql, forCall(filter), (rs, i) -> new Row(rs.getString("cause"), rs.getLong("n"),
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
                from handover o
                """ + SCOPE.formatted("o.case_id") + """
                  and o.created_at >= :from and o.created_at < :to
                """;
        return jdbc.queryForMap(sql, forCall(filter));
    }

    /** Cases whose support ended in the period, and how many of them never needed a toegang request. */
    Map<String, Object> frontDoor(DashboardFilter filter) {
        String sql = """
                select count(*) as ended,
                       count(*) filter (where not exists (select 1 from toegang_request r where r.case_id = c.id)) as without_indication
                """ + CASES + """
                  and c.closed_at >= :from and c.closed_at < :to
                """;
        return jdbc.queryForMap(sql, forCall(filter));
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
        return jdbc.queryForMap(sql, forCall(filter));
    }

    /**
     * The parameters of one dashboard call, planned for these values. Why force custom plans: every
     * query treats team and wijk as optional ({@code :team is null or team_id = :team}); once the JDBC
     * driver prepares a repeated statement on the server, PostgreSQL may switch to a generic plan that
     * cannot use the per-team indexes, and a manager's fifth click takes seconds instead of milliseconds.
     * Needs the caller's transaction (every {@link DashboardService} method has one).
     */
    private MapSqlParameterSource forCall(DashboardFilter filter) {
        jdbc.getJdbcOperations().execute("set local plan_cache_mode = force_custom_plan");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("team", filter.team());
        values.put("wijk", filter.wijk());
        values.put("from", Timestamp.from(filter.from()));
        values.put("to", Timestamp.from(filter.to()));
        return new MapSqlParameterSource(values);
    }
}
