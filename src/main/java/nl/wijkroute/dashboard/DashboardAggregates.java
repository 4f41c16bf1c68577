package nl.wijkroute.dashboard;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.wijkroute.route.RouteVariables;
import nl.wijkroute.system.LockTimeout;
import nl.wijkroute.system.MunicipalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the dashboard's counts per day (decision 0055): stays entered, left and open per team, wijk and
 * stage ({@code dashboard_stage_day}), signals by source, cases started and ended per team and wijk
 * ({@code dashboard_flow_day}) and stays ended per stage and duration bucket ({@code dashboard_stay_duration_day},
 * decision 0064), for closed days only, read from the owners' reporting views. The calls
 * combine them with a live count of the days after {@code through_day}, so an answer is the same as the
 * live query's. Why closed days only: the application writes moves, signals, openings and closings at
 * the moment they happen, so a day that has ended no longer changes. History written with past times
 * (the demo generator, a migration, a bulk import) is taken in by {@link #rebuild()}, which also runs
 * every night.
 */
@Service
public class DashboardAggregates {

    private static final Logger log = LoggerFactory.getLogger(DashboardAggregates.class);

    /**
     * Days as the session's calendar sees them, from {@code :first} to {@code :last} inclusive: a row per team,
     * wijk, stage and day on which a stay began or ended, its open count carried on from the latest row before.
     */
    private static final String STAGE_DAYS = """
            with range as (
                select cast(:first as timestamp) at time zone :zone as lower,
                       cast(cast(:last as date) + 1 as timestamp) at time zone :zone as upper
            ), moves as (
                select cast(s.entered_at at time zone :zone as date) as day, s.team_id, s.wijk_id, s.stage, 1 as entered, 0 as left_count
                from {stage_stay} s, range r where s.entered_at >= r.lower and s.entered_at < r.upper
                union all
                select cast(s.left_at at time zone :zone as date), s.team_id, s.wijk_id, s.stage, 0, 1
                from {stage_stay} s, range r where s.left_at >= r.lower and s.left_at < r.upper
            ), days as (
                select day, team_id, wijk_id, stage, sum(entered) as entered, sum(left_count) as left_count
                from moves group by day, team_id, wijk_id, stage
            ), base as (
                select k.team_id, k.wijk_id, k.stage, b.open_at_end as n
                from dashboard_stage_key k
                cross join lateral (select a.open_at_end from dashboard_stage_day a
                                    where a.team_id = k.team_id and a.wijk_id = k.wijk_id and a.stage = k.stage
                                      and a.day < cast(:first as date)
                                    order by a.day desc limit 1) b
            )
            insert into dashboard_stage_day (team_id, wijk_id, stage, day, entered, left_count, open_at_end)
            select d.team_id, d.wijk_id, d.stage, d.day, d.entered, d.left_count,
                   coalesce(b.n, 0) + sum(d.entered - d.left_count) over (partition by d.team_id, d.wijk_id, d.stage order by d.day)
            from days d left join base b on b.team_id = d.team_id and b.wijk_id = d.wijk_id and b.stage = d.stage
            """;

    private static final String STAGE_KEYS = """
            insert into dashboard_stage_key (team_id, wijk_id, stage)
            select distinct team_id, wijk_id, stage from dashboard_stage_day where day >= :first
            on conflict do nothing
            """;

    private static final String FLOW_DAYS = """
            with range as (
                select cast(:first as timestamp) at time zone :zone as lower,
                       cast(cast(:last as date) + 1 as timestamp) at time zone :zone as upper
            )
            insert into dashboard_flow_day (day, team_id, wijk_id, partner, resident, frontoffice, own_observation, started, ended)
            select day, team_id, wijk_id, sum(partner), sum(resident), sum(frontoffice), sum(own_observation), sum(started), sum(ended)
            from (
                select cast(s.received_at at time zone :zone as date) as day, s.team_id, s.wijk_id,
                       count(*) filter (where s.source_type = 'PARTNER') as partner,
                       count(*) filter (where s.source_type = 'RESIDENT') as resident,
                       count(*) filter (where s.source_type = 'FRONTOFFICE') as frontoffice,
                       count(*) filter (where s.source_type = 'OWN_OBSERVATION') as own_observation,
                       0 as started, 0 as ended
                from {signal} s, range r where s.received_at >= r.lower and s.received_at < r.upper
                group by 1, 2, 3
                union all
                select cast(c.opened_at at time zone :zone as date), c.team_id, c.wijk_id, 0, 0, 0, 0, count(*), 0
                from {case} c, range r where c.opened_at >= r.lower and c.opened_at < r.upper
                group by 1, 2, 3
                union all
                select cast(c.closed_at at time zone :zone as date), c.team_id, c.wijk_id, 0, 0, 0, 0, 0, count(*)
                from {case} c, range r where c.closed_at >= r.lower and c.closed_at < r.upper
                group by 1, 2, 3
            ) counts
            group by day, team_id, wijk_id
            """;

    /**
     * Per day a stay ended, its stage and the bucket of its duration ({@code dashboard_duration_bucket}, V71): how
     * many stays, for the lead times' percentiles (decision 0064). A stay that ended without a duration counts in
     * bucket -1 (none is written so).
     */
    private static final String STAY_DURATIONS = """
            with range as (
                select cast(:first as timestamp) at time zone :zone as lower,
                       cast(cast(:last as date) + 1 as timestamp) at time zone :zone as upper
            )
            insert into dashboard_stay_duration_day (day, stage, bucket, stays)
            select cast(s.left_at at time zone :zone as date), s.stage, coalesce(dashboard_duration_bucket(s.duration_seconds), -1),
                   count(*)
            from {stage_stay} s, range r where s.left_at >= r.lower and s.left_at < r.upper
            group by 1, 2, 3
            """;

    /**
     * The organisations and professionals of every case whose support ended on the days {@code :first} to
     * {@code :last}, and its casusregisseurs in the plan phase (null without one). Why a closed case's counts stay: they count what happened up to the end of its support
     * (its plan, handovers and regie no longer change once it is closed); corrections with past times are
     * taken in by the nightly {@link #rebuild()}.
     */
    private static final String CASE_INVOLVEMENT = """
            with range as (
                select cast(:first as timestamp) at time zone :zone as lower,
                       cast(cast(:last as date) + 1 as timestamp) at time zone :zone as upper
            ), ended as (
                select c.case_id as id, c.team_id, c.wijk_id, c.closed_at
                from {case} c, range r where c.closed_at >= r.lower and c.closed_at < r.upper
            )
            insert into dashboard_case_involvement (case_id, team_id, wijk_id, closed_at, organisations, professionals, regisseurs)
            select e.id, e.team_id, e.wijk_id, e.closed_at,
            """ + DashboardQueries.INVOLVEMENT_COUNTS + """
                   , case when p.plan_start is null then null else
            """ + DashboardQueries.REGISSEURS.replace(" as regisseurs", "") + """
                   end
            from ended e
            """ + DashboardQueries.PLAN_START;

    private final NamedParameterJdbcTemplate jdbc;

    DashboardAggregates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every few minutes, on one instance: adds the days that have ended since the last run (usually none).
     * Transactional itself: the call to {@link #refresh()} inside this bean does not pass its proxy.
     */
    @Scheduled(cron = "${wijkroute.dashboard.aggregate-cron:0 */10 * * * *}", zone = MunicipalTime.TIME_ZONE)
    @SchedulerLock(name = "dashboard-aggregates-refresh", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    @Transactional
    public void refreshOnSchedule() {
        refresh();
    }

    /** Every night, on one instance: computes every day again, taking in history written with past times. */
    @Scheduled(cron = "${wijkroute.dashboard.aggregate-rebuild-cron:0 40 3 * * *}", zone = MunicipalTime.TIME_ZONE)
    @SchedulerLock(name = "dashboard-aggregates-rebuild", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    @Transactional
    public void rebuildOnSchedule() {
        rebuild();
    }

    /**
     * Adds the closed days after {@code through_day} (all of them when there is no state, or the zone changed). Takes
     * the rebuild's table lock first: a refresh and a rebuild (each once per cluster by its own scheduler lock) never
     * write the days at the same time, however long a rebuild runs.
     */
    @Transactional
    public void refresh() {
        inMunicipalTime(jdbc);
        // Waits behind a running rebuild however long it takes (decision 0070): the whole refresh does, background
        // work with no caller waiting and its own scheduler lock against a second run.
        LockTimeout.liftForThisTransaction(jdbc.getJdbcOperations());
        jdbc.getJdbcOperations().execute("lock table dashboard_aggregate_state in exclusive mode");
        State state = state();
        if (state == null || !state.zone().equals(state.sessionZone())) {
            rebuild();
            return;
        }
        if (state.throughDay().isBefore(state.yesterday())) {
            fill(state.throughDay().plusDays(1), state.yesterday(), state.sessionZone());
        }
    }

    /** Computes every closed day again, from the first stay, signal or case on. */
    @Transactional
    public void rebuild() {
        rebuildThrough(null);
    }

    /** As {@link #rebuild()}, up to {@code lastDay} (yesterday when null): for tests of the incremental step. */
    @Transactional
    public void rebuildThrough(LocalDate lastDay) {
        inMunicipalTime(jdbc);
        var sql = jdbc.getJdbcOperations();
        LockTimeout.liftForThisTransaction(sql); // behind a running refresh, however long (as in refresh())
        sql.execute("lock table dashboard_aggregate_state in exclusive mode");
        sql.update("delete from dashboard_stage_day");
        sql.update("delete from dashboard_stage_key");
        sql.update("delete from dashboard_flow_day");
        sql.update("delete from dashboard_stay_duration_day");
        sql.update("delete from dashboard_case_involvement");
        sql.update("delete from dashboard_aggregate_state");
        Map<String, Object> bounds = jdbc.queryForMap(ReportingViews.sql("""
                select current_setting('TimeZone') as zone,
                       cast(now() at time zone current_setting('TimeZone') as date) - 1 as yesterday,
                       cast(least((select min(entered_at) from {stage_stay}), (select min(received_at) from {signal}),
                                  (select min(opened_at) from {case})) at time zone current_setting('TimeZone') as date) as first
                """), Map.of());
        String zone = (String) bounds.get("zone");
        LocalDate last = lastDay != null ? lastDay : ((Date) bounds.get("yesterday")).toLocalDate();
        LocalDate first = bounds.get("first") == null ? last.plusDays(1) : ((Date) bounds.get("first")).toLocalDate();
        insertState(last, zone);
        if (!first.isAfter(last)) {
            fill(first, last, zone);
        }
    }

    /** Writes the days {@code first..last}, carrying on the open counts of the days before {@code first}. */
    private void fill(LocalDate first, LocalDate last, String zone) {
        long start = System.nanoTime();
        MapSqlParameterSource days = new MapSqlParameterSource().addValue("first", Date.valueOf(first))
                .addValue("last", Date.valueOf(last)).addValue("zone", zone);
        jdbc.update("delete from dashboard_stage_day where day >= :first", days);
        jdbc.update("delete from dashboard_flow_day where day >= :first", days);
        int stageRows = jdbc.update(ReportingViews.sql(STAGE_DAYS), days);
        jdbc.update(STAGE_KEYS, days);
        int flowRows = jdbc.update(ReportingViews.sql(FLOW_DAYS), days);
        jdbc.update("delete from dashboard_stay_duration_day where day >= :first", days);
        int durationRows = jdbc.update(ReportingViews.sql(STAY_DURATIONS), days);
        jdbc.update("delete from dashboard_case_involvement where closed_at >= cast(:first as timestamp) at time zone :zone", days);
        int caseRows = jdbc.update(ReportingViews.sql(CASE_INVOLVEMENT), days.addValue("system", RouteVariables.SYSTEM_ACTOR));
        jdbc.update("update dashboard_aggregate_state set through_day = :last, refreshed_at = now()", days);
        log.info("Dashboard aggregates: days {} to {} written ({} stage rows, {} flow rows, {} duration rows, {} ended cases) in {} ms",
                first, last, stageRows, flowRows, durationRows, caseRows, (System.nanoTime() - start) / 1_000_000);
    }

    private void insertState(LocalDate throughDay, String zone) {
        jdbc.update("insert into dashboard_aggregate_state (through_day, time_zone, refreshed_at) values (:day, :zone, now())",
                new MapSqlParameterSource().addValue("day", Date.valueOf(throughDay)).addValue("zone", zone));
    }

    /** Removes every aggregate: the calls answer live again (tests that write history with past times). */
    @Transactional
    public void clear() {
        jdbc.getJdbcOperations().update("delete from dashboard_stage_day");
        jdbc.getJdbcOperations().update("delete from dashboard_stage_key");
        jdbc.getJdbcOperations().update("delete from dashboard_flow_day");
        jdbc.getJdbcOperations().update("delete from dashboard_stay_duration_day");
        jdbc.getJdbcOperations().update("delete from dashboard_case_involvement");
        jdbc.getJdbcOperations().update("delete from dashboard_aggregate_state");
    }

    /**
     * The days are the municipality's, whatever the JVM's default zone (which the driver gives the session): for
     * the rest of the caller's transaction the session computes in {@link MunicipalTime}. Without it, instances
     * with different default zones took each other's aggregate for a zone change and rebuilt it every run.
     */
    static void inMunicipalTime(NamedParameterJdbcTemplate jdbc) {
        jdbc.queryForObject("select set_config('TimeZone', :zone, true)", Map.of("zone", MunicipalTime.TIME_ZONE), String.class);
    }

    private record State(LocalDate throughDay, String zone, String sessionZone, LocalDate yesterday) {
    }

    private State state() {
        List<State> states = jdbc.query("""
                select through_day, time_zone, current_setting('TimeZone') as session_zone,
                       cast(now() at time zone current_setting('TimeZone') as date) - 1 as yesterday
                from dashboard_aggregate_state for update
                """, Map.of(), (rs, i) -> new State(rs.getDate("through_day").toLocalDate(), rs.getString("time_zone"),
                rs.getString("session_zone"), rs.getDate("yesterday").toLocalDate()));
        return states.isEmpty() ? null : states.get(0);
    }
}
