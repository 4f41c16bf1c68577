package nl.wijkroute.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The access log on the request path (issue 14): a team with ~700 open tasks, then the werkbak and a page
 * of cases — latency and access-log rows written per request — and the throughput of concurrent
 * case-file readers, also while another transaction holds an unfinished access-log entry open.
 * In-process over MockMvc (no HTTP, no JWT signature check), on the embedded PostgreSQL of the test profile.
 * Targets (a miss fails the run): one access-log row per request however long the list, and readers keep
 * going while a log entry is uncommitted elsewhere (no lock shared by all requests).
 * Run: {@code ./mvnw -Pbenchmark test -Dtest=AccessLogBenchmarkTest}. Results: docs/performance.md.
 */
@Tag("benchmark")
class AccessLogBenchmarkTest extends ApiTestSupport {

    private static final int OPEN_CASES = Integer.getInteger("benchmark.open-cases", 700);
    private static final int READERS = 8;

    @Autowired
    DataSource dataSource;

    @Test
    void accessLogOnTheRequestPath() throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<UUID>> opened = new ArrayList<>();
        for (int i = 0; i < OPEN_CASES; i++) {
            opened.add(pool.submit(this::openCaseInNoord));
        }
        List<UUID> cases = new ArrayList<>();
        for (Future<UUID> caseId : opened) {
            cases.add(caseId.get());
        }
        pool.shutdown();
        int tasks = getJson("/api/v1/tasks?size=1", TestUsers.wijkcoach()).get("totalItems").asInt();
        System.out.printf("%n[benchmark] %d open cases, werkbak of team-noord: %d tasks (made in %d s); %d cores%n",
                cases.size(), tasks, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
                Runtime.getRuntime().availableProcessors());

        Measured werkbak = measure("GET /api/v1/tasks?size=100", get("/api/v1/tasks?size=100"), 20);
        Measured page = measure("GET /api/v1/cases?size=100", get("/api/v1/cases?size=100"), 20);
        Measured single = measure("GET /api/v1/cases/{id}", get("/api/v1/cases/" + cases.get(0)), 20);

        double one = throughput(1, cases, 10, false);
        double many = throughput(READERS, cases, 10, false);
        double held = throughput(READERS, cases, 5, true);
        System.out.printf("[benchmark] case-file reads/s: 1 reader %.0f, %d readers %.0f, %d readers while another "
                + "transaction holds an uncommitted log entry %.0f%n", one, READERS, many, READERS, held);

        assertThat(werkbak.rowsPerRequest()).as("access-log rows per werkbak request (%d tasks)", tasks).isEqualTo(1.0);
        assertThat(page.rowsPerRequest()).as("access-log rows per page of 100 cases").isEqualTo(1.0);
        assertThat(single.rowsPerRequest()).as("access-log rows per case-file read").isEqualTo(1.0);
        assertThat(held).as("reads/s while an access-log entry is uncommitted elsewhere (no shared lock)")
                .isGreaterThan(many / 4);
    }

    private record Measured(double p50, double p95, double rowsPerRequest) {
    }

    private Measured measure(String name, MockHttpServletRequestBuilder request, int runs) throws Exception {
        for (int i = 0; i < 3; i++) {
            ok(mvc.perform(request.with(TestUsers.wijkcoach())).andReturn());
        }
        long before = newestEntry();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            ok(mvc.perform(request.with(TestUsers.wijkcoach())).andReturn());
            millis.add((System.nanoTime() - started) / 1e6);
        }
        double rows = (double) jdbc.queryForObject("select count(*) from access_log where id > ?", Long.class, before) / runs;
        Collections.sort(millis);
        Measured measured = new Measured(millis.get(runs / 2), millis.get((int) Math.ceil(runs * 0.95) - 1), rows);
        System.out.printf("[benchmark] %-28s p50 %6.1f ms  p95 %6.1f ms  access-log rows/request %6.1f%n", name,
                measured.p50(), measured.p95(), measured.rowsPerRequest());
        return measured;
    }

    /** Requests per second of {@code readers} threads reading case files for {@code seconds}. */
    private double throughput(int readers, List<UUID> cases, int seconds, boolean holdAnEntryOpen) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            if (holdAnEntryOpen) {
                try (PreparedStatement insert = held.prepareStatement("""
                        insert into access_log (logged_at, username, user_role, data_category, action, purpose, outcome)
                        values (clock_timestamp(), 'benchmark', 'wijkteam', 'CASE_FILE', 'READ', 'benchmark', 'GRANTED')""")) {
                    insert.executeUpdate();
                }
            }
            List<Future<Integer>> done = new ArrayList<>();
            for (int reader = 0; reader < readers; reader++) {
                int offset = reader;
                done.add(pool.submit(() -> {
                    int count = 0;
                    while (System.nanoTime() < until) {
                        MvcResult result = mvc.perform(get("/api/v1/cases/" + cases.get((offset + count * readers) % cases.size()))
                                .with(TestUsers.wijkcoach())).andReturn();
                        if (System.nanoTime() < until) {
                            ok(result);
                            count++;
                        }
                    }
                    return count;
                }));
            }
            // The readers' time is up: let go of the held entry so readers blocked behind it can finish.
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds) + 100);
            held.rollback();
            int total = 0;
            for (Future<Integer> reader : done) {
                total += reader.get();
            }
            return total / (double) seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private long newestEntry() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from access_log", Long.class);
    }

    private static void ok(MvcResult result) throws Exception {
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError(result.getResponse().getStatus() + " " + result.getResponse().getContentAsString());
        }
    }
}
