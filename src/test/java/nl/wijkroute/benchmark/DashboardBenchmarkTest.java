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
import nl.wijkroute.demo.SyntheticHistory;
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

    @Autowired
    SyntheticHistory history;

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

    /** The set-based generator of the demo history, at scale; skipped when the persistent benchmark database has the data. */
    private void generateOnce() {
        Long existing = jdbc.queryForObject("select count(*) from support_case where team_id like 'bench-team-%'", Long.class);
        if (existing != null && existing >= CASES) {
            return;
        }
        jdbc.execute("insert into team (id, name) select 'bench-team-' || g, 'Benchmark team ' || g from generate_series(1, 20) g "
                + "on conflict do nothing");
        jdbc.execute("insert into wijk (id, name, team_id) select 'bench-wijk-' || g, 'Benchmark wijk ' || g, "
                + "'bench-team-' || ((g - 1) % 20 + 1) from generate_series(1, 40) g on conflict do nothing");
        List<String> wijken = jdbc.queryForList("select id from wijk where id like 'bench-wijk-%'", String.class);
        long start = System.nanoTime();
        history.generate(wijken, CASES, Duration.ofDays(1095));
        jdbc.execute("analyze");
        System.out.printf("[benchmark] generated %,d cases in %d s%n", CASES, Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }
}
