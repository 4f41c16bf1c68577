package nl.wijkroute.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import nl.wijkroute.route.RouteVariables;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.support.TestUsers;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import nl.wijkroute.system.admission.AdmissionSwitch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The route over real HTTP beside the bare engine (issue 14, deliverable 1). The service runs as the run
 * command runs it: real Tomcat on a random port, the embedded PostgreSQL with fsync and synchronous
 * commit on, the job executor and the scheduled work (access-log sealer) running. Tokens are RSA-signed
 * by a key pair made here; only this test makes the service trust it
 * ({@code wijkroute.benchmark.jwt-public-key-location}), and every request passes the production
 * signature check and validators (issuer, audience, azp).
 *
 * <p>Closed-loop clients (1, 8, 32, 64) each carry new households through the whole route: signal (with an
 * Idempotency-Key), and for every step a werkbak page, the case file, claim and complete: triage,
 * vraagverheldering (after assessing the flagged leefgebieden), plan (made and agreed with the household),
 * regie, evaluatie (CLOSE: support ends, the case goes to nazorg). A step is a signal or a completion.
 *
 * <p>In the same run: (a) the bare engine: the application's own {@link ProcessEngine} (same configuration,
 * plugins, history level, data source and transaction manager, so the stage listener writes the case row
 * and step history as in the service) completes the same user tasks of the same BPMN through the Java API,
 * a step being a task query plus a completion (or the start, with the case row the stage listener needs);
 * (b) PostgreSQL's durable commit ceiling: one-row insert + commit on 4 connections. Statements per step
 * come from pg_stat_statements (preloaded here; utility statements such as BEGIN/COMMIT not tracked),
 * transactions from pg_stat_database, WAL bytes from pg_current_wal_lsn() differences; all three are
 * server-wide (the sealer and autovacuum included).
 *
 * <p>Warm and fair (decision 0058): before anything is measured, every mix (the API at each client count, the
 * bare engine at each thread count) is driven in turn until the JIT's compiler threads have used only a small
 * share of the JVM's CPU for several seconds ({@code benchmark.route.warmup-min-seconds}, {@code …warmup-max-seconds},
 * {@code …jit-settled-percent}, {@code …jit-settled-seconds}); every measured phase prints the JIT compiler
 * threads' CPU during it. The benchmark's own clients do their HTTP on their own threads, blocking
 * ({@link HttpURLConnection}, kept-alive connections; decision 0075: the JDK's asynchronous client handed every call
 * to an executor and a selector thread and took 7 % of the machine); their CPU is printed ("client cpu") and left
 * out of the service's CPU per step ("svc ms/st"). {@code -Dbenchmark.route.jfr=target/route-8.jfr} records the
 * measured 8-client API phase with JFR ({@code -Dbenchmark.route.jfr-floor=…} the floor phase: record both or neither
 * when the floor line's shares matter, since a recording costs its phase some CPU; settings=profile; add
 * {@code -DargLine=-XX:FlightRecorderOptions:stackdepth=1024} for whole request stacks).
 *
 * <p>Targets (issue 14 item 2; a miss fails the run after everything is printed): API steps/s ≥ 0.5 ×
 * bare-engine steps/s (8 clients against 8 threads); p95 of every call ≤ 50 ms at 8 clients and ≤ 150 ms
 * at 32. The werkbak's first page with 10,000 open tasks is {@link WerkbakBenchmarkTest}'s. Run:
 * {@code bench/route-benchmark.sh} or {@code ./mvnw -Pbenchmark test -Dtest=RouteBenchmarkTest}; phase
 * length {@code -Dbenchmark.route.seconds=30}. Never part of verify.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wijkroute.embedded-postgres.durable=true",
        "wijkroute.embedded-postgres.server-config[shared_preload_libraries]=pg_stat_statements",
        "wijkroute.embedded-postgres.server-config[pg_stat_statements.track_utility]=off",
        // Nested statements too (triggers, the sealer's function), so the per-statement table shows where the
        // database's time goes; the stmts/st column counts top-level statements only, as before.
        "wijkroute.embedded-postgres.server-config[pg_stat_statements.track]=all",
        "wijkroute.embedded-postgres.server-config[pg_stat_statements.max]=10000",
        // As the run command: the engine's job executor and the scheduled work (sealer) run.
        "camunda.bpm.job-execution.enabled=true",
        "wijkroute.scheduling.enabled=true"})
@ActiveProfiles("test")
class RouteBenchmarkTest {

    static final int PHASE_SECONDS = Integer.getInteger("benchmark.route.seconds", 30);
    // Warm-up until the JIT has settled (decision 0058): at least the minimum and one round of every mix, then
    // until the JIT's compiler threads stay at or below the threshold share of the JVM's CPU for the given
    // consecutive seconds, at most the maximum.
    static final int WARM_UP_MIN_SECONDS = Integer.getInteger("benchmark.route.warmup-min-seconds", 60);
    static final int WARM_UP_MAX_SECONDS = Integer.getInteger("benchmark.route.warmup-max-seconds", 240);
    /** Settled: the JIT compiler threads' CPU at most this share of the JVM's CPU in each of the last seconds. */
    static final double JIT_SETTLED_PERCENT = Double.parseDouble(System.getProperty("benchmark.route.jit-settled-percent", "3"));
    static final int JIT_SETTLED_SECONDS = Integer.getInteger("benchmark.route.jit-settled-seconds", 5);
    /** Pause between measured phases, so the sealer (every 2 s) and the job executor finish one phase's work in it. */
    static final int PAUSE_SECONDS = Integer.getInteger("benchmark.route.pause-seconds", 3);
    /** When set, a JFR recording (settings=profile) of the measured 8-client API phase is written there. */
    static final String JFR_FILE = System.getProperty("benchmark.route.jfr", "");
    /** When set, a JFR recording (settings=profile) of the floor phase is written there. */
    static final String JFR_FLOOR_FILE = System.getProperty("benchmark.route.jfr-floor", "");
    static final int BARE_SECONDS = Integer.getInteger("benchmark.route.bare-seconds", 20);
    static final int COMMIT_SECONDS = Integer.getInteger("benchmark.route.commit-seconds", 10);
    static final int[] CLIENTS = {1, 8, 32, 64};
    static final int[] BARE_THREADS = {1, 8};
    static final double RATIO_TARGET = 0.5;
    static final Map<Integer, Long> P95_TARGET_MS = Map.of(8, 50L, 32, 150L);
    static final String[] TEAMS = {"team-noord", "team-zuid"};
    static final String[] WIJKEN = {"noord", "zuid"};

    static final KeyPair KEYS = keyPair();
    /** {@code Authorization} header values per benchmark user, signed once per run. */
    static final Map<String, String> HEADERS = new ConcurrentHashMap<>();
    static final Path PUBLIC_KEY = publicKeyFile();

    @DynamicPropertySource
    static void trustTheBenchmarkKey(DynamicPropertyRegistry registry) {
        registry.add("wijkroute.benchmark.jwt-public-key-location", () -> PUBLIC_KEY.toUri().toString());
        // Planning time per statement (plans, ms) in the per-statement table; off by default because tracking it
        // adds a little to every statement on both sides.
        registry.add("wijkroute.embedded-postgres.server-config[pg_stat_statements.track_planning]",
                () -> TRACK_PLANNING ? "on" : "off");
    }

    static final boolean TRACK_PLANNING = Boolean.getBoolean("benchmark.route.track-planning");
    /**
     * {@code -Dbenchmark.route.without-admission=true}: after the measured phases, the API at 8 and 32 clients again with
     * the admission's limit lifted (decision 0068), so one run shows what the limit does on the same machine and load.
     * Printed, not asserted: the targets are the service's as configured.
     */
    static final boolean WITHOUT_ADMISSION = Boolean.getBoolean("benchmark.route.without-admission");
    static final List<Integer> WITHOUT_ADMISSION_CLIENTS = List.of(8, 32);
    /**
     * {@code -Dbenchmark.route.tomcat-threads=4}: with the admission lifted, the API at 8 and 32 clients once more with
     * Tomcat's request threads cut to that many instead (the other way to limit what runs at once; decision 0068).
     */
    static final int TOMCAT_THREADS = Integer.getInteger("benchmark.route.tomcat-threads", 0);
    /**
     * {@code -Dbenchmark.route.admission-limits=4,3,2}: the API at 8 and 32 clients once more for each of these admission
     * limits (requests at once, decision 0068), the configured one included as the control, so one run shows how the
     * limit spreads the latency over the calls. Each limit once: a phase is named by its limit.
     */
    static final List<Integer> ADMISSION_LIMITS = java.util.Arrays.stream(
                    System.getProperty("benchmark.route.admission-limits", "").split(","))
            .map(String::trim).filter(limit -> !limit.isEmpty()).map(Integer::valueOf).toList();
    /**
     * {@code -Dbenchmark.route.variants-first=true}: the phases of the three options above (without admission, Tomcat's
     * threads cut, other admission limits) run right after the warm-up, before the measured phases, instead of after
     * them. Run both orders to tell a variant's effect from the JIT's,
     * which keeps compiling through the run (the variants ran last, with the warmest code, in session 11).
     */
    static final boolean VARIANTS_FIRST = Boolean.getBoolean("benchmark.route.variants-first");
    static final String VARIANTS = "(when asked) API 8 and 32 at other admission limits, without the admission limit and"
            + " with Tomcat's threads cut, ";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Autowired
    org.springframework.context.ApplicationContext context;

    static final ThreadMXBean THREADS = threadCpu();

    /**
     * CPU of the benchmark's own client work that has finished: the client threads', added when each ends (they
     * do their HTTP themselves). This is what "client cpu" takes out of the JVM's CPU.
     */
    final AtomicLong clientCpuNanos = new AtomicLong();
    final ObjectMapper json = new ObjectMapper();
    final StringBuilder report = new StringBuilder();

    @Test
    void theRouteOverHttpBesideTheBareEngineAndTheCommitCeiling() throws Exception {
        jdbc.execute("create extension if not exists pg_stat_statements");
        // Fewer kept-alive connections than clients would open a TCP connection per call for the rest (the JDK keeps 5).
        assertThat(Integer.getInteger("http.maxConnections", 5)).as("http.maxConnections (the pom's benchmark profile)")
                .isGreaterThanOrEqualTo(Arrays.stream(CLIENTS).max().orElseThrow());
        line("Route benchmark (issue 14), %s; %d cores, load average at start %.1f; phases: warm-up %d-%d s (until"
                        + " the JIT's compiler threads use ≤ %.0f %% of the JVM's CPU in each of %d consecutive seconds),"
                        + " API %d s per client count, bare engine %d s per thread count, commit ceiling %d s, %d s pause"
                        + " before each measured phase",
                Instant.now(), Runtime.getRuntime().availableProcessors(), loadAverage(), WARM_UP_MIN_SECONDS,
                WARM_UP_MAX_SECONDS, JIT_SETTLED_PERCENT, JIT_SETTLED_SECONDS, PHASE_SECONDS, BARE_SECONDS,
                COMMIT_SECONDS, PAUSE_SECONDS);
        line("PostgreSQL: fsync=%s, synchronous_commit=%s, shared_preload_libraries=%s; camunda history level %s",
                jdbc.queryForObject("show fsync", String.class), jdbc.queryForObject("show synchronous_commit", String.class),
                jdbc.queryForObject("show shared_preload_libraries", String.class),
                engine.getProcessEngineConfiguration().getHistory());
        line("Settings: Hikari maximum pool %s, API admission %d requests at once (decision 0068), Tomcat max threads %s,"
                        + " job executor core/max threads %s/%s, queue %s; garbage collector: %s, heap max %d MiB",
                dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : "?",
                AdmissionSwitch.freeTurns(context),
                environment.getProperty("server.tomcat.threads.max", "200 (default)"),
                environment.getProperty("camunda.bpm.job-execution.core-pool-size", "3 (default)"),
                environment.getProperty("camunda.bpm.job-execution.max-pool-size", "10 (default)"),
                environment.getProperty("camunda.bpm.job-execution.queue-capacity", "3 (default)"),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(java.util.stream.Collectors.joining(" + ")),
                Runtime.getRuntime().maxMemory() >> 20);
        line("Background work in every phase, API and bare engine alike: job executor %s, scheduled work (access-log"
                        + " sealer) %s",
                ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .getJobExecutor().isActive() ? "running" : "NOT running",
                environment.getProperty("wijkroute.scheduling.enabled", "?").equals("true") ? "running" : "NOT running");
        line("Phase order: warm-up (the API at %s clients and the bare engine at %s threads, in turn, until the JIT has"
                        + " settled), %sthen API 1 client, bare 1 thread, API 8 clients, bare 8 threads, API 32, API 64,"
                        + " %sthen the floor (8 clients, one small authenticated read), then the commit ceiling. Fair because both sides run on the same warmed JVM (columns JIT ms / JIT %%:"
                        + " the compiler threads' CPU during the phase), each pair a ratio compares back to back (same JIT"
                        + " state, same load), with the same background work, each after a pause that lets the previous"
                        + " phase's work drain; svc ms/st leaves out the benchmark's own client threads (column client"
                        + " cpu), svc-JIT ms/st also the JIT's CPU.",
                join(CLIENTS), join(BARE_THREADS), VARIANTS_FIRST ? VARIANTS : "", VARIANTS_FIRST ? "" : VARIANTS);

        warmUp();
        // After the warm-up: before it the JIT compiles the whole service on the same two cores.
        pause();
        double speedAtStart = machineSpeed();
        Map<Integer, Phase> withoutAdmission = new LinkedHashMap<>();
        Map<Integer, Phase> tomcatLimited = new LinkedHashMap<>();
        Map<String, Phase> otherLimits = new LinkedHashMap<>();
        if (VARIANTS_FIRST) {
            variantPhases(withoutAdmission, tomcatLimited, otherLimits);
        }
        // Each pair that a ratio compares runs back to back (API at n clients, then the bare engine at n
        // threads), so both sides see the same JIT state and the same load on a shared machine.
        Map<Integer, Phase> api = new LinkedHashMap<>();
        Map<Integer, Phase> bare = new LinkedHashMap<>();
        for (int clients : CLIENTS) {
            pause();
            api.put(clients, recorded(clients == 8 ? JFR_FILE : "", "the measured 8-client API phase",
                    () -> apiPhase(clients, PHASE_SECONDS, null)));
            for (int threads : BARE_THREADS) {
                if (threads == clients) {
                    pause();
                    bare.put(threads, barePhase(threads, BARE_SECONDS, null));
                }
            }
        }
        if (!VARIANTS_FIRST) {
            variantPhases(withoutAdmission, tomcatLimited, otherLimits);
        }
        pause();
        Phase floor = recorded(JFR_FLOOR_FILE, "the floor phase", () -> floorPhase(8, BARE_SECONDS));
        pause();
        double commits = commitCeiling(4, COMMIT_SECONDS);

        line("");
        // CPU in cores used during the phase and in ms per step: under a shared machine's load the per-step
        // figures (statements, WAL, CPU ms) move far less than steps/s. JVM CPU includes the benchmark's clients
        // (their threads' CPU is "client cpu", in cores); "svc ms/st" is the JVM's CPU without them per step.
        // "JIT ms" is the JIT compiler threads' CPU during the phase and "JIT %" its share of the JVM's CPU: near
        // zero when the phase was measured warm; "comp ms" the CompilationMXBean's compilation (wall) time;
        // "svc-JIT ms/st" the service's CPU per step without the JIT's: comparable even when a phase still compiled.
        // "steal %": the share of the machine's cores the hypervisor gave to others during the phase (/proc/stat), so
        // a phase slowed by neighbours shows it (decision 0071's runs).
        line("%-28s %7s %8s %9s %9s %9s %7s %8s %7s %9s %8s %10s %9s %7s %6s %8s %13s %7s", "run", "steps", "steps/s",
                "stmts/st", "xacts/st", "WAL B/st", "errors", "JVM cpu", "PG cpu", "JVM ms/st", "PG ms/st", "client cpu",
                "svc ms/st", "JIT ms", "JIT %", "comp ms", "svc-JIT ms/st", "steal %");
        api.forEach((clients, phase) -> phase.summaryLine("API, " + clients + " client(s)"));
        bare.forEach((threads, phase) -> phase.summaryLine("bare engine, " + threads + " thread(s)"));
        withoutAdmission.forEach((clients, phase) -> phase.summaryLine("API, " + clients + " cl., no admission"));
        tomcatLimited.forEach((clients, phase) -> phase.summaryLine("API, " + clients + " cl., " + TOMCAT_THREADS + " Tomcat thr."));
        otherLimits.forEach((name, phase) -> phase.summaryLine("API, " + name));
        floor.summaryLine("floor: 8 cl., one small read");
        line("PostgreSQL durable commit ceiling (one-row insert + commit, 4 connections): %.0f commits/s", commits);
        floorLine(api.get(8), bare.get(8), floor);
        line("Service CPU per step, API 8 clients : bare engine 8 threads = %.1f ms : %.1f ms (%.1f×), without the JIT"
                        + " %.1f ms : %.1f ms (%.1f×); the clients used %.0f %% of the JVM's CPU at 8 clients, the JIT"
                        + " %.0f %% (API) and %.0f %% (bare engine)",
                api.get(8).serviceMsPerStep(), bare.get(8).serviceMsPerStep(),
                api.get(8).serviceMsPerStep() / bare.get(8).serviceMsPerStep(),
                api.get(8).warmServiceMsPerStep(), bare.get(8).warmServiceMsPerStep(),
                api.get(8).warmServiceMsPerStep() / bare.get(8).warmServiceMsPerStep(),
                100 * api.get(8).clientCpu / Math.max(1e-9, api.get(8).jvmCpu), api.get(8).jitShare(),
                bare.get(8).jitShare());
        databaseDetail("API, 8 clients", api.get(8));
        databaseDetail("bare engine, 8 threads", bare.get(8));
        line("");
        line("Ratio API steps/s : bare-engine steps/s: 1 client / 1 thread %.2f; 8 clients / 8 threads %.2f"
                        + " (best API %.1f / best bare %.1f = %.2f); target ≥ %.1f at 8",
                api.get(1).stepsPerSecond() / bare.get(1).stepsPerSecond(),
                api.get(8).stepsPerSecond() / bare.get(8).stepsPerSecond(),
                best(api), best(bare), best(api) / best(bare), RATIO_TARGET);
        for (int clients : CLIENTS) {
            line("");
            latencyTable(String.format("%d client(s) (ms)%s", clients, P95_TARGET_MS.containsKey(clients)
                    ? ", target p95 ≤ " + P95_TARGET_MS.get(clients) + " ms" : ""), api.get(clients));
        }
        Map<String, Phase> compared = new LinkedHashMap<>();
        withoutAdmission.forEach((clients, phase) -> compared.put(clients + " client(s), admission limit lifted", phase));
        tomcatLimited.forEach((clients, phase) -> compared.put(clients + " client(s), admission lifted, "
                + TOMCAT_THREADS + " Tomcat request threads", phase));
        otherLimits.forEach((name, phase) -> compared.put(name.replace(" cl.,", " client(s),"), phase));
        compared.forEach((name, phase) -> {
            line("");
            latencyTable(name + " (ms; not asserted)", phase);
        });
        line("");
        line("Bare engine latency per step (ms): %s", bare.entrySet().stream().map(entry -> {
            List<Long> all = new ArrayList<>();
            entry.getValue().latencies.values().forEach(all::addAll);
            Collections.sort(all);
            return entry.getKey() + " thread(s) p50 " + String.format("%.1f", percentile(all, 50)) + " p95 "
                    + String.format("%.1f", percentile(all, 95));
        }).toList());
        line("Load average at end: %.1f", loadAverage());
        pause();
        double speedAtEnd = machineSpeed();
        line("Machine speed (one thread hashing 256 MiB with SHA-256, median of 5 rounds, MiB/s of wall time, between"
                        + " phases): %.0f after the warm-up, %.0f at the end (%+.0f %%); the column steal %% says"
                        + " how much of the cores neighbours took during each phase",
                speedAtStart, speedAtEnd, 100 * (speedAtEnd - speedAtStart) / speedAtStart);
        Path out = Path.of("target", "route-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("[benchmark] written to " + out.toAbsolutePath());

        SoftAssertions targets = new SoftAssertions();
        api.forEach((clients, phase) -> targets.assertThat(phase.errors.get()).as("failed calls at %d clients: %s",
                clients, phase.firstError).isZero());
        bare.forEach((threads, phase) -> targets.assertThat(phase.errors.get()).as("failed bare-engine steps at %d threads: %s",
                threads, phase.firstError).isZero());
        targets.assertThat(floor.errors.get()).as("failed calls of the floor: %s", floor.firstError).isZero();
        targets.assertThat(api.get(8).stepsPerSecond() / bare.get(8).stepsPerSecond())
                .as("API steps/s ÷ bare-engine steps/s, 8 clients / 8 threads").isGreaterThanOrEqualTo(RATIO_TARGET);
        P95_TARGET_MS.forEach((clients, target) -> api.get(clients).latencies.forEach((call, samples) ->
                targets.assertThat(percentile(sorted(samples), 95)).as("p95 ms of %s at %d clients", call, clients)
                        .isLessThanOrEqualTo(target)));
        targets.assertAll();
    }

    /**
     * The phases of -Dbenchmark.route.without-admission, -Dbenchmark.route.tomcat-threads and
     * -Dbenchmark.route.admission-limits, when asked.
     */
    void variantPhases(Map<Integer, Phase> withoutAdmission, Map<Integer, Phase> tomcatLimited,
                       Map<String, Phase> otherLimits) throws Exception {
        assertThat(ADMISSION_LIMITS).as("-Dbenchmark.route.admission-limits: each limit once").doesNotHaveDuplicates();
        for (int limit : ADMISSION_LIMITS) {
            try (AutoCloseable limited = AdmissionSwitch.limit(context, limit)) {
                for (int clients : WITHOUT_ADMISSION_CLIENTS) {
                    pause();
                    otherLimits.put(clients + " cl., admission " + limit, apiPhase(clients, PHASE_SECONDS, null));
                }
            }
        }
        if (WITHOUT_ADMISSION) {
            try (AutoCloseable lifted = AdmissionSwitch.lift(context)) {
                for (int clients : WITHOUT_ADMISSION_CLIENTS) {
                    pause();
                    withoutAdmission.put(clients, apiPhase(clients, PHASE_SECONDS, null));
                }
            }
        }
        if (TOMCAT_THREADS > 0) {
            org.apache.tomcat.util.threads.ThreadPoolExecutor executor = (org.apache.tomcat.util.threads.ThreadPoolExecutor)
                    ((org.springframework.boot.web.embedded.tomcat.TomcatWebServer)
                            ((org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext) context)
                                    .getWebServer()).getTomcat().getConnector().getProtocolHandler().getExecutor();
            int core = executor.getCorePoolSize();
            int max = executor.getMaximumPoolSize();
            try (AutoCloseable lifted = AdmissionSwitch.lift(context)) {
                executor.setCorePoolSize(TOMCAT_THREADS);
                executor.setMaximumPoolSize(TOMCAT_THREADS);
                for (int clients : WITHOUT_ADMISSION_CLIENTS) {
                    pause();
                    tomcatLimited.put(clients, apiPhase(clients, PHASE_SECONDS, null));
                }
            } finally {
                executor.setMaximumPoolSize(max);
                executor.setCorePoolSize(core);
            }
        }
    }

    /** p50/p95/p99/max per call of one API phase, under "Latency per call, " and the heading. */
    void latencyTable(String heading, Phase phase) {
        line("Latency per call, %s", heading);
        line("%-42s %7s %8s %8s %8s %8s", "call", "n", "p50", "p95", "p99", "max");
        phase.latencies.forEach((call, samples) -> {
            List<Long> sorted = sorted(samples);
            line("%-42s %7d %8.1f %8.1f %8.1f %8.1f", call, sorted.size(), percentile(sorted, 50),
                    percentile(sorted, 95), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
        });
    }

    // ---------------------------------------------------------------- the API, closed loop

    /**
     * Drives every mix in turn (the API at each client count, the bare engine at each thread count) until the
     * JIT has settled: at least {@link #WARM_UP_MIN_SECONDS} and one whole round, then until the compiler
     * threads' CPU stays at most {@link #JIT_SETTLED_PERCENT} % of the JVM's CPU in each of
     * {@link #JIT_SETTLED_SECONDS} consecutive seconds; at most
     * {@link #WARM_UP_MAX_SECONDS}. A fixed 20 s at 8 clients left the JIT compiling through the API phases
     * (28.5 % of the JVM's CPU in the measured API phases, JFR), while the bare engine ran later on a warm JVM.
     * The compiler threads' CPU, not the CompilationMXBean's compilation time, decides: the latter is the wall
     * time of each compilation and grows with the machine's load (1-3 s per second on the shared machine while
     * the JVM had half a core).
     */
    void warmUp() throws Exception {
        List<int[]> round = new ArrayList<>(); // {api 1 / bare 0, concurrency, seconds}
        round.add(new int[] {1, 8, 8});
        for (int clients : CLIENTS) {
            if (clients != 8) {
                round.add(new int[] {1, clients, 4});
            }
        }
        for (int threads : BARE_THREADS) {
            round.add(new int[] {0, threads, 3});
        }
        JitWatch watch = new JitWatch(round.size());
        if (!watch.readable) {
            line("The JIT's compiler threads cannot be read (/proc/self/task): warm-up runs to its maximum, JIT columns read 0");
        }
        Thread watcher = new Thread(watch, "bench-jit-watch");
        watcher.setDaemon(true);
        watcher.start();
        long steps = 0;
        long errors = 0;
        try {
            while (!watch.done) {
                for (int[] mix : round) {
                    Phase phase = mix[0] == 1 ? apiPhase(mix[1], mix[2], watch) : barePhase(mix[1], mix[2], watch);
                    steps += phase.steps.get();
                    errors += phase.errors.get();
                    watch.mixesDone++;
                    if (watch.done) {
                        break;
                    }
                }
            }
        } finally {
            watch.done = true;
            watcher.interrupt();
            watcher.join();
        }
        line("Warm-up: %.0f s, %d steps (%d errors), %d mixes; ended %s; JIT at its end: %s %% of the JVM's CPU,"
                        + " %s ms CPU per second (last %d s); JIT during warm-up: %,d ms CPU of the compiler threads,"
                        + " %,d ms compilation time (CompilationMXBean; wall time, inflated under load)",
                watch.seconds(), steps, errors, watch.mixesDone, watch.settled ? "because the JIT had settled"
                        : "at the maximum, NOT settled", JitWatch.last(watch.sharePerSecond, JIT_SETTLED_SECONDS),
                JitWatch.last(watch.perSecond, JIT_SETTLED_SECONDS), JIT_SETTLED_SECONDS, watch.jitCpuMillis(),
                watch.compilation());
        line("Warm-up, JIT compiler threads' CPU in ms per second, means over 5 s: %s", JitWatch.trace(watch.perSecond));
    }

    /** Samples the JIT compiler threads' CPU once a second during warm-up and ends it when settled (or at the maximum). */
    final class JitWatch implements Runnable {

        final int mixesPerRound;
        final List<Long> perSecond = Collections.synchronizedList(new ArrayList<>()); // JIT CPU ms per second
        final List<Long> sharePerSecond = Collections.synchronizedList(new ArrayList<>()); // % of the JVM's CPU
        final long started = System.nanoTime();
        final long compilationStart = JitCpu.compilationMillis();
        final long jitCpuStart = JitCpu.compilerThreadsNanos();
        volatile Phase current;
        volatile int mixesDone;
        volatile boolean done;
        volatile boolean settled;
        final boolean readable = JitCpu.readable();
        private int quietSeconds;

        JitWatch(int mixesPerRound) {
            this.mixesPerRound = mixesPerRound;
        }

        @Override
        public void run() {
            long previousJit = JitCpu.compilerThreadsNanos();
            long previousJvm = jvmCpuNanos();
            while (!done) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long jit = JitCpu.compilerThreadsNanos();
                long jvm = jvmCpuNanos();
                double share = 100.0 * (jit - previousJit) / Math.max(1, jvm - previousJvm);
                perSecond.add((jit - previousJit) / 1_000_000);
                sharePerSecond.add(Math.round(share));
                previousJit = jit;
                previousJvm = jvm;
                // Unreadable compiler threads would read as "no JIT at all": never settled then, warm-up runs to its maximum.
                quietSeconds = readable && share <= JIT_SETTLED_PERCENT ? quietSeconds + 1 : 0;
                boolean minimum = seconds() >= WARM_UP_MIN_SECONDS && mixesDone >= mixesPerRound;
                settled = minimum && quietSeconds >= JIT_SETTLED_SECONDS;
                if (settled || seconds() >= WARM_UP_MAX_SECONDS) {
                    done = true;
                    Phase phase = current;
                    if (phase != null) {
                        phase.deadline = 0; // the running mix ends now
                    }
                }
            }
        }

        double seconds() {
            return (System.nanoTime() - started) / 1e9;
        }

        long compilation() {
            return JitCpu.compilationMillis() - compilationStart;
        }

        long jitCpuMillis() {
            return (JitCpu.compilerThreadsNanos() - jitCpuStart) / 1_000_000;
        }

        static String last(List<Long> values, int count) {
            synchronized (values) {
                return values.subList(Math.max(0, values.size() - count), values.size()).toString();
            }
        }

        /** Means over 5 s, so a reader sees the JIT's curve in one line. */
        static String trace(List<Long> values) {
            List<Long> fives = new ArrayList<>();
            synchronized (values) {
                for (int i = 0; i < values.size(); i += 5) {
                    List<Long> five = values.subList(i, Math.min(values.size(), i + 5));
                    fives.add(five.stream().mapToLong(Long::longValue).sum() / five.size());
                }
            }
            return fives.toString();
        }
    }

    /** Lets the previous phase's background work (sealer every 2 s, job executor) finish outside the next phase. */
    static void pause() throws InterruptedException {
        Thread.sleep(PAUSE_SECONDS * 1000L);
    }

    /** Runs the phase under a JFR recording (settings=profile) when {@code jfrFile} names a file. */
    Phase recorded(String jfrFile, String what, java.util.concurrent.Callable<Phase> phase) throws Exception {
        if (jfrFile.isBlank()) {
            return phase.call();
        }
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
            recording.setName("route-benchmark " + what);
            recording.start();
            Phase result = phase.call();
            recording.stop();
            Path file = Path.of(jfrFile);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            recording.dump(file);
            line("JFR recording (settings=profile) of %s: %s", what, file.toAbsolutePath());
            return result;
        }
    }

    static String join(int[] numbers) {
        return java.util.Arrays.stream(numbers).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining("/"));
    }

    Phase apiPhase(int clients, int seconds, JitWatch warmUp) throws Exception {
        Phase phase = new Phase(clients);
        phase.start(seconds);
        if (warmUp != null) {
            warmUp.current = phase;
            if (warmUp.done) {
                phase.deadline = 0;
            }
        }
        // A failed route is counted in the phase; the client then starts a new household.
        runClients(phase, clients, "bench-client-", Worker::route);
        phase.stop();
        return phase;
    }

    /** Runs the phase's clients, each doing its work over and over until the phase is over. */
    void runClients(Phase phase, int clients, String threadName, java.util.function.Consumer<Worker> work)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            int client = i;
            start(threadName + client, () -> {
                Worker worker = new Worker(phase, client);
                try {
                    while (!phase.over()) {
                        try {
                            work.accept(worker);
                        } catch (PhaseOver over) {
                            return;
                        } catch (RouteFailed failed) {
                            // counted in the phase
                        }
                    }
                } finally {
                    // The client thread's whole life lies in this phase: all its CPU is the benchmark's, not the service's.
                    clientCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime());
                    phase.threadEnds();
                    done.countDown();
                }
            });
        }
        done.await();
    }

    /**
     * What an API call costs before it does any work of the route: 8 clients calling {@code GET /api/v1/organisations}
     * (a coach's token, checked as every call's; a page of a small table, not full, so no count; no personal data, so no
     * access-log entry), each call counted as a step. The route's calls cost this much and then their own work: the
     * floor line says how much of an API step's CPU the mix's calls take at this price (issue 14).
     */
    Phase floorPhase(int clients, int seconds) throws Exception {
        Phase phase = new Phase(clients);
        phase.start(seconds);
        runClients(phase, clients, "bench-client-floor-", worker -> {
            worker.call(FLOOR_CALL, "GET", "/api/v1/organisations", worker.coach, null, 200);
            phase.step();
        });
        phase.stop();
        return phase;
    }

    static final String FLOOR_CALL = "GET /api/v1/organisations";

    /** The mix's calls per step at the floor's price per call, against what an API step costs at 8 clients. */
    void floorLine(Phase api, Phase bare, Phase floor) {
        long calls = api.latencies.values().stream().mapToLong(List::size).sum();
        double callsPerStep = calls / (double) Math.max(1, api.steps.get());
        double floorService = floor.warmServiceMsPerStep();
        double floorPostgres = floor.postgresMsPerStep();
        double apiService = api.warmServiceMsPerStep();
        double apiPostgres = api.postgresMsPerStep();
        double floorPerStep = callsPerStep * (floorService + floorPostgres);
        double bareService = bare.warmServiceMsPerStep();
        double barePostgres = bare.postgresMsPerStep();
        line("Floor: one small authenticated read costs %.2f ms of the service's CPU (without the JIT's) and %.2f ms of"
                        + " PostgreSQL's (%.0f calls/s at 8 clients, p50 %.1f ms); the mix makes %.2f calls per step, so"
                        + " %.1f ms of an API step's %.1f ms (service without the JIT %.1f + PostgreSQL %.1f) is that floor"
                        + " (%.0f %%), the rest (%.1f ms) the calls' own work; a bare engine's step at 8 threads costs %.1f ms"
                        + " (%.1f + %.1f)",
                floorService, floorPostgres, floor.stepsPerSecond(),
                percentile(sorted(floor.latencies.getOrDefault(FLOOR_CALL, List.of())), 50) , callsPerStep,
                floorPerStep, apiService + apiPostgres, apiService, apiPostgres,
                100 * floorPerStep / Math.max(1e-9, apiService + apiPostgres), apiService + apiPostgres - floorPerStep,
                bareService + barePostgres, bareService, barePostgres);
    }

    /** One client: a front-office worker registering signals and a coach of one team working them. */
    final class Worker {

        final Phase phase;
        final String frontoffice;
        final String coach;
        final String wijk;
        final String base = "http://localhost:" + port;

        Worker(Phase phase, int client) {
            this.phase = phase;
            String team = TEAMS[client % TEAMS.length];
            this.wijk = WIJKEN[client % WIJKEN.length];
            // The header values once per user for the whole run (tokens live an hour), not per phase: RSA-signing
            // two tokens per client at every phase's start was most of the clients' CPU in the JFR profile.
            this.frontoffice = HEADERS.computeIfAbsent("bench-frontoffice-" + client,
                    user -> "Bearer " + token(user, List.of("frontoffice"), Map.of()));
            this.coach = HEADERS.computeIfAbsent("bench-coach-" + client,
                    user -> "Bearer " + token(user, List.of("wijkteam"), Map.of("team", team, "wijk", wijk)));
        }

        void route() {
            Map<String, Object> household = Map.of("displayName", "Huishouden " + UUID.randomUUID().toString().substring(0, 8),
                    "wijk", wijk, "postcode", "4901 AB", "members", List.of(Map.of("givenName", "Anna", "familyName",
                            "de Vries", "birthDate", "1985-03-12")));
            JsonNode registered = read("POST /api/v1/signals", "POST", "/api/v1/signals", frontoffice, Map.of(
                    "household", household, "sourceType", "FRONTOFFICE",
                    "description", "Inwoner meldt zich bij het loket met vragen over schulden en werk.",
                    "leefgebieden", List.of("FINANCIEN", "WERK_EN_OPLEIDING"), "urgency", "NORMAL",
                    "safetyConcern", false), 201);
            phase.step();
            String caseId = registered.get("caseId").asText();
            String casePath = "/api/v1/cases/" + caseId;

            step(caseId, "triage", Map.of("urgency", "NORMAL", "safetyConcern", false, "problemScope", "MULTIPLE",
                    "route", "FULL_ROUTE", "summary", "Eerste inschatting door het team."), caseFile -> { });
            step(caseId, "vraagverheldering", Map.of("outcome", "TO_PLAN", "realQuestion", "Grip op geld."), caseFile -> {
                String memberId = caseFile.get("household").get("members").get(0).get("id").asText();
                JsonNode flagged = read("GET /cases/{id}/vraagverheldering", "GET", casePath + "/vraagverheldering",
                        coach, null, 200).get("flagged");
                for (JsonNode leefgebied : flagged) {
                    call("PUT /cases/{id}/vraagverheldering/{m}/{l}", "PUT", casePath + "/vraagverheldering/" + memberId
                            + "/" + leefgebied.asText(), coach, Map.of("score", 2, "ownWords", "Het loopt me boven het hoofd."), 200);
                }
                // Levensbreed (decision 0045): the rest of the grid in one request.
                List<Map<String, Object>> rest = new java.util.ArrayList<>();
                read("GET /cases/{id}/vraagverheldering", "GET", casePath + "/vraagverheldering", coach, null, 200)
                        .get("missingCells").forEach(cell -> rest.add(Map.of("memberId", cell.get("memberId").asText(),
                                "leefgebied", cell.get("leefgebied").asText(), "assessment", Map.of("score", 4))));
                call("POST /cases/{id}/vraagverheldering/assessments", "POST", casePath + "/vraagverheldering/assessments",
                        coach, Map.of("assessments", rest), 200);
            });
            step(caseId, "plan", Map.of("outcome", "TO_REGIE", "firstEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(4).toString()),
                    caseFile -> {
                        call("POST /cases/{id}/plan", "POST", casePath + "/plan", coach, Map.of("goals", List.of(Map.of(
                                "leefgebied", "FINANCIEN", "description", "Grip op geld", "result", "Schulden in een regeling",
                                "targetDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(6).toString(), "actions", List.of(Map.of(
                                        "description", "Budgetcoach", "ownerType", "HOUSEHOLD", "status", "PLANNED"))))), 201);
                        call("POST /cases/{id}/plan/agreement", "POST", casePath + "/plan/agreement", coach, Map.of(
                                "basedOnVersion", 1, "agreedAt", Instant.now().minusSeconds(60).toString(),
                                "form", "IN_GESPREK", "agreedBy", "Anna de Vries"), 200);
                    });
            step(caseId, "regie", Map.of("outcome", "TO_EVALUATIE"), caseFile -> { });
            step(caseId, "evaluatie", Map.of("outcome", "CLOSE", "reason", "Doelen bereikt."), caseFile -> { });
        }

        /** The coach's werkbak page, the case file, the step's own work, claim, complete. */
        void step(String caseId, String taskKey, Map<String, Object> input, java.util.function.Consumer<JsonNode> work) {
            call("GET /api/v1/tasks", "GET", "/api/v1/tasks", coach, null, 200);
            JsonNode caseFile = read("GET /api/v1/cases/{id}", "GET", "/api/v1/cases/" + caseId, coach, null, 200);
            String taskId = null;
            for (JsonNode task : caseFile.get("openTasks")) {
                if (task.get("taskKey").asText().equals(taskKey)) {
                    taskId = task.get("id").asText();
                }
            }
            if (taskId == null) {
                phase.error("no open task " + taskKey + " in the case file: " + caseFile);
                throw new RouteFailed();
            }
            work.accept(caseFile);
            call("POST /api/v1/tasks/{id}/claim", "POST", "/api/v1/tasks/" + taskId + "/claim", coach, null, 200);
            Map<String, Object> body = new LinkedHashMap<>(input);
            body.put("step", taskKey);
            call("POST /api/v1/tasks/{id}/complete", "POST", "/api/v1/tasks/" + taskId + "/complete", coach, body, 204);
            phase.step();
        }

        /** A call whose answer the route reads: parsed once from the response's bytes. */
        JsonNode read(String name, String method, String path, String authorization, Object body, int expected) {
            byte[] answer = call(name, method, path, authorization, body, expected);
            try {
                return answer.length == 0 ? null : json.readTree(answer);
            } catch (IOException e) {
                phase.error(method + " " + path + ": " + e);
                throw new RouteFailed();
            }
        }

        /** A call whose answer only its status matters for: not parsed (the werkbak page, the writes). */
        byte[] call(String name, String method, String path, String authorization, Object body, int expected) {
            if (phase.over()) {
                throw new PhaseOver();
            }
            try {
                byte[] payload = body == null ? null : json.writeValueAsBytes(body);
                URL url = URI.create(base + path).toURL();
                long start = System.nanoTime();
                // Blocking on this client's own thread; reading the answer to its end hands the connection back to
                // the JDK's keep-alive cache (http.maxConnections, set by the pom's benchmark profile, holds one per client).
                HttpURLConnection connection = (HttpURLConnection) url.openConnection();
                connection.setConnectTimeout(10_000);
                connection.setReadTimeout(60_000);
                connection.setRequestMethod(method);
                connection.setInstanceFollowRedirects(false);
                // As the earlier client asked (no Accept header is */*), not the JDK's default list of image types.
                connection.setRequestProperty("Accept", "*/*");
                connection.setRequestProperty("Authorization", authorization);
                connection.setRequestProperty("Content-Type", "application/json");
                if (path.equals("/api/v1/signals")) {
                    connection.setRequestProperty("Idempotency-Key", UUID.randomUUID().toString());
                }
                if (payload != null) {
                    connection.setDoOutput(true);
                    connection.setFixedLengthStreamingMode(payload.length);
                    try (OutputStream out = connection.getOutputStream()) {
                        out.write(payload);
                    }
                }
                int status = connection.getResponseCode();
                byte[] answer;
                try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                    answer = in == null ? new byte[0] : in.readAllBytes();
                }
                long micros = (System.nanoTime() - start) / 1_000;
                phase.record(name, micros);
                if (status != expected) {
                    phase.error(method + " " + path + " -> " + status + " " + new String(answer, StandardCharsets.UTF_8));
                    throw new RouteFailed();
                }
                return answer;
            } catch (IOException e) {
                phase.error(method + " " + path + ": " + e);
                throw new RouteFailed();
            }
        }
    }

    // ---------------------------------------------------------------- the bare engine

    Phase barePhase(int threads, int seconds, JitWatch warmUp) throws Exception {
        Phase phase = new Phase(threads);
        phase.start(seconds);
        if (warmUp != null) {
            warmUp.current = phase;
            if (warmUp.done) {
                phase.deadline = 0;
            }
        }
        CountDownLatch done = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            int thread = i;
            start("bench-engine-" + thread, () -> {
                try {
                    while (!phase.over()) {
                        try {
                            bareRoute(phase, TEAMS[thread % TEAMS.length]);
                        } catch (PhaseOver over) {
                            return;
                        } catch (RuntimeException e) {
                            phase.error(e.toString());
                        }
                    }
                } finally {
                    // The bare engine's work runs on these threads; they end before the phase's last reading.
                    phase.threadEnds();
                    done.countDown();
                }
            });
        }
        done.await();
        phase.stop();
        return phase;
    }

    /**
     * The same user tasks with the same outcomes as the API's route. The start also inserts the case row
     * (the stage listener moves it); later steps are a task query and a completion, each in the engine's
     * own transaction as in the issue's reference measurement.
     */
    void bareRoute(Phase phase, String team) {
        UUID caseId = UUID.randomUUID();
        String processInstanceId = timed(phase, "start (case row + process)", () -> transactions.execute(status -> {
            UUID householdId = UUID.randomUUID();
            jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, ?, ?, now())",
                    householdId, "Huishouden " + caseId.toString().substring(0, 8), team.equals("team-noord") ? "noord" : "zuid");
            jdbc.update("insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at) "
                    + "values (?, ?, ?, 'OPEN', 'SIGNALEREN', now(), now())", caseId, householdId, team);
            return engine.getRuntimeService().startProcessInstanceByKey(RoutekaartIds.PROCESS, caseId.toString(),
                    Map.of(RouteVariables.CASE_ID, caseId.toString(), RouteVariables.CANDIDATE_GROUP, team,
                            RouteVariables.NAZORG_PERIOD, "P3M")).getId();
        }));
        Date evaluation = Date.from(LocalDate.now(MunicipalTime.ZONE).plusWeeks(4).atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant());
        bareStep(phase, processInstanceId, "triage", Map.of("triageRoute", "FULL_ROUTE"));
        bareStep(phase, processInstanceId, "vraagverheldering", Map.of("vraagverhelderingOutcome", "TO_PLAN"));
        bareStep(phase, processInstanceId, "plan", Map.of("planOutcome", "TO_REGIE",
                RouteVariables.NEXT_EVALUATION_DATE, evaluation));
        bareStep(phase, processInstanceId, "regie", Map.of("regieOutcome", "TO_EVALUATIE"));
        bareStep(phase, processInstanceId, "evaluatie", Map.of("evaluatieOutcome", "CLOSE"));
    }

    void bareStep(Phase phase, String processInstanceId, String taskKey, Map<String, Object> variables) {
        timed(phase, taskKey, () -> {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey(taskKey).singleResult();
            engine.getTaskService().complete(task.getId(), variables);
            return task.getId();
        });
    }

    <T> T timed(Phase phase, String name, java.util.function.Supplier<T> work) {
        if (phase.over()) {
            throw new PhaseOver();
        }
        long start = System.nanoTime();
        T result = work.get();
        phase.record(name, (System.nanoTime() - start) / 1_000);
        phase.step();
        return result;
    }

    // ---------------------------------------------------------------- PostgreSQL's commit ceiling

    double commitCeiling(int connections, int seconds) throws Exception {
        jdbc.execute("create table if not exists bench_commit (id bigserial primary key, at timestamptz not null default now())");
        String url = postgres.getJdbcUrl("postgres", "postgres");
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            start("bench-commit-" + i, () -> {
                try (Connection connection = DriverManager.getConnection(url);
                     PreparedStatement insert = connection.prepareStatement("insert into bench_commit default values")) {
                    connection.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return commits.get() / ((System.nanoTime() - start) / 1e9);
    }

    // ---------------------------------------------------------------- measurement

    static void start(String name, Runnable work) {
        new Thread(work, name).start();
    }

    /** One run at one concurrency: steps, latencies per call, and what the server did meanwhile. */
    final class Phase {

        final int concurrency;
        final AtomicLong steps = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Map<String, List<Long>> latencies = Collections.synchronizedMap(new TreeMap<>());
        volatile String firstError;
        long stealStart;
        /** The machine's CPU time taken by the hypervisor for other guests during the phase, in % of its cores. */
        double stealPercent;
        /**
         * The engine's busiest runtime tables at the phase's end: rows live and dead (PostgreSQL's statistics, which a
         * backend reports up to a second or so late), heap pages (without indexes), autovacuum runs so far.
         */
        String engineTables = "";
        volatile long deadline;
        long started;
        long stopped;
        long statements;
        long xacts;
        long walBytes;
        double jvmCpu;
        double postgresCpu;
        double clientCpu;
        long jitMillis;
        long jitCpuMillis;
        /** The statements that took most of the database's execution time in the phase, nested ones included. */
        List<StatementTime> topStatements = List.of();
        /** Execution time of the top-level statements (pg_stat_statements), ms. */
        double executionMillis;
        /** Buffer accesses of the phase's top-level statements found in PostgreSQL's shared buffers, and blocks read from the OS. */
        long blocksHit;
        long blocksRead;
        /** PostgreSQL's shared_buffers, and the database's size at the phase's end. */
        String sharedBuffers;
        String databaseSize;
        /** Planning time of all statements (only with -Dbenchmark.route.track-planning=true), ms. */
        double planningMillis;
        /** Distinct statements (pg_stat_statements entries, nested ones included) in the phase. */
        long distinctStatements;
        /** PostgreSQL's CPU ticks in the phase per kind of process (backends, autovacuum and ended, background). */
        final Map<String, Long> postgresTicksByKind = new TreeMap<>();
        private Map<String, Long> postgresTicksByKindStart = Map.of();
        /** The JVM's CPU ticks in the phase per kind of thread (JvmThreadCpu), and what ended threads took along. */
        Map<String, Long> jvmTicksByKind = Map.of();
        private Map<Long, JvmThreadCpu.Reading> jvmThreadsStart = Map.of();
        /** Bytes the JVM's Java threads allocated in the phase per kind of thread (JvmThreadAllocation). */
        Map<String, Long> allocatedByKind = Map.of();
        private Map<Long, JvmThreadAllocation.Reading> allocationStart = Map.of();
        /** The phase's own client and engine threads, read as each ends (they end before the phase's last reading). */
        final Map<Long, JvmThreadAllocation.Reading> endedThreads = new java.util.concurrent.ConcurrentHashMap<>();
        /** The same threads' CPU ticks (/proc, by Linux thread id), read as each ends. */
        final Map<Long, JvmThreadCpu.Reading> endedThreadsTicks = new java.util.concurrent.ConcurrentHashMap<>();

        /** Reads the calling thread's allocation and CPU before it ends within the phase. */
        void threadEnds() {
            var allocated = JvmThreadAllocation.currentThread();
            endedThreads.put(allocated.getKey(), allocated.getValue());
            var ticks = JvmThreadCpu.currentThread();
            if (ticks != null) {
                endedThreadsTicks.put(ticks.getKey(), ticks.getValue());
            }
        }
        /** Garbage collections in the phase (every collector), their summed time and the longest one. */
        GcPauses.Reading gc;
        private GcPauses.Reading gcStart;
        /** Classes the JVM loaded in the phase: a warm service that keeps loading classes keeps its JIT busy. */
        long classesLoaded;
        private long classesLoadedStart;
        private long clientCpuStart;
        private long compilationStart;
        private long jitCpuStart;
        private long walStart;
        private long transactionsStart;
        private long jvmCpuStart;
        private long jvmSystemTicksStart;
        /** The JVM's CPU ticks in the kernel in the phase (ProcStat#systemTicks: system calls, page faults, ...). */
        long jvmSystemTicks;
        private long postgresCpuStart;

        Phase(int concurrency) {
            this.concurrency = concurrency;
        }

        void start(int seconds) {
            jdbc.execute("select pg_stat_statements_reset()");
            walStart = jdbc.queryForObject("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint", Long.class);
            transactionsStart = committedTransactions();
            compilationStart = JitCpu.compilationMillis();
            classesLoadedStart = java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
            jitCpuStart = JitCpu.compilerThreadsNanos();
            clientCpuStart = clientCpuNanosNow();
            jvmCpuStart = jvmCpuNanos();
            jvmSystemTicksStart = jvmSystemTicks();
            postgresTicksByKindStart = postgresCpuTicksByKind();
            postgresCpuStart = total(postgresTicksByKindStart);
            jvmThreadsStart = JvmThreadCpu.now();
            allocationStart = JvmThreadAllocation.now();
            stealStart = stealTicks();
            gcStart = GcPauses.now();
            started = System.nanoTime();
            deadline = started + Duration.ofSeconds(seconds).toNanos();
        }

        void stop() {
            stopped = System.nanoTime();
            stealPercent = 100.0 * (stealTicks() - stealStart) / ProcStat.CLOCK_TICKS / seconds()
                    / Runtime.getRuntime().availableProcessors();
            gc = GcPauses.now().since(gcStart);
            long jvmCpuStop = jvmCpuNanos();
            jvmSystemTicks = jvmSystemTicks() - jvmSystemTicksStart;
            Map<Long, JvmThreadCpu.Reading> ticksStop = new java.util.HashMap<>(JvmThreadCpu.now());
            ticksStop.putAll(endedThreadsTicks);
            jvmTicksByKind = JvmThreadCpu.ticksByKind(jvmThreadsStart, ticksStop);
            Map<Long, JvmThreadAllocation.Reading> allocationStop = new java.util.HashMap<>(JvmThreadAllocation.now());
            allocationStop.putAll(endedThreads);
            allocatedByKind = JvmThreadAllocation.bytesByKind(allocationStart, allocationStop);
            clientCpu = (clientCpuNanosNow() - clientCpuStart) / 1e9 / seconds();
            jitMillis = JitCpu.compilationMillis() - compilationStart;
            classesLoaded = java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount()
                    - classesLoadedStart;
            jitCpuMillis = (JitCpu.compilerThreadsNanos() - jitCpuStart) / 1_000_000;
            double elapsed = seconds();
            walBytes = jdbc.queryForObject("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint", Long.class) - walStart;
            xacts = committedTransactions() - transactionsStart;
            Long calls = jdbc.queryForObject("select coalesce(sum(calls), 0)::bigint from pg_stat_statements "
                    + "where toplevel and " + NOT_THE_BENCHMARKS_OWN, Long.class);
            statements = calls == null ? 0 : calls;
            topStatements = jdbc.query("select query, calls, total_exec_time, rows, toplevel, plans, total_plan_time,"
                    + " shared_blks_hit + shared_blks_read from pg_stat_statements where " + NOT_THE_BENCHMARKS_OWN
                    + " order by total_exec_time + total_plan_time desc limit 25",
                    (row, n) -> new StatementTime(row.getString(1), row.getLong(2), row.getDouble(3), row.getLong(4),
                            row.getBoolean(5), row.getLong(6), row.getDouble(7), row.getLong(8)));
            Long distinct = jdbc.queryForObject("select count(*) from pg_stat_statements where " + NOT_THE_BENCHMARKS_OWN,
                    Long.class);
            distinctStatements = distinct == null ? 0 : distinct;
            Double planning = jdbc.queryForObject("select coalesce(sum(total_plan_time), 0) from pg_stat_statements"
                    + " where " + NOT_THE_BENCHMARKS_OWN, Double.class);
            planningMillis = planning == null ? 0 : planning;
            Double executing = jdbc.queryForObject("select coalesce(sum(total_exec_time), 0) from pg_stat_statements"
                    + " where toplevel and " + NOT_THE_BENCHMARKS_OWN, Double.class);
            executionMillis = executing == null ? 0 : executing;
            // Top-level statements only: their counters already hold the buffers of the statements they run nested.
            // Counted since the phase's reset, so a background statement running across the phase's edge is partly in.
            jdbc.query("select coalesce(sum(shared_blks_hit), 0)::bigint, coalesce(sum(shared_blks_read), 0)::bigint,"
                    + " current_setting('shared_buffers'), pg_size_pretty(pg_database_size(current_database()))"
                    + " from pg_stat_statements where toplevel and " + NOT_THE_BENCHMARKS_OWN, (java.sql.ResultSet row) -> {
                        blocksHit = row.getLong(1);
                        blocksRead = row.getLong(2);
                        sharedBuffers = row.getString(3);
                        databaseSize = row.getString(4);
                    });
            engineTables = String.join(", ", jdbc.query("select relname, n_live_tup, n_dead_tup,"
                    + " pg_relation_size(relid) / current_setting('block_size')::bigint, autovacuum_count"
                    + " from pg_stat_user_tables where relname in"
                    + " ('act_ru_task', 'act_ru_identitylink', 'act_ru_execution', 'act_ru_variable') order by relname",
                    (row, n) -> String.format("%s %d live, %d dead, %d heap pages, vacuumed %d×", row.getString(1),
                            row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5))));
            Map<String, Long> ticksNow = postgresCpuTicksByKind();
            ticksNow.forEach((kind, ticks) -> postgresTicksByKind.put(kind, ticks - postgresTicksByKindStart.getOrDefault(kind, 0L)));
            jvmCpu = (jvmCpuStop - jvmCpuStart) / 1e9 / elapsed;
            postgresCpu = (total(ticksNow) - postgresCpuStart) / (double) ProcStat.CLOCK_TICKS / elapsed;
        }

        boolean over() {
            return System.nanoTime() >= deadline;
        }

        double seconds() {
            return (stopped - started) / 1e9;
        }

        double stepsPerSecond() {
            return steps.get() / seconds();
        }

        void step() {
            steps.incrementAndGet();
        }

        void record(String call, long micros) {
            latencies.computeIfAbsent(call, key -> Collections.synchronizedList(new ArrayList<>())).add(micros);
        }

        void error(String what) {
            if (errors.incrementAndGet() == 1) {
                firstError = what.length() > 600 ? what.substring(0, 600) : what;
                System.out.println("[benchmark] first error: " + firstError);
            }
        }

        /** The JVM's CPU without the benchmark's client threads, per step. */
        double serviceMsPerStep() {
            return (jvmCpu - clientCpu) * seconds() * 1000 / Math.max(1, steps.get());
        }

        /** The JIT compiler threads' CPU as a share of the JVM's during the phase, %. */
        double jitShare() {
            return 100.0 * jitCpuMillis / Math.max(1e-9, jvmCpu * seconds() * 1000);
        }

        /** PostgreSQL's CPU per step. */
        double postgresMsPerStep() {
            return postgresCpu * seconds() * 1000 / Math.max(1, steps.get());
        }

        /** The service's CPU per step without the JIT's compiler threads. */
        double warmServiceMsPerStep() {
            return serviceMsPerStep() - jitCpuMillis / (double) Math.max(1, steps.get());
        }

        void summaryLine(String name) {
            long n = Math.max(1, steps.get());
            line("%-28s %7d %8.1f %9.1f %9.2f %9.0f %7d %8.2f %7.2f %9.1f %8.1f %10.2f %9.1f %7d %6.1f %8d %13.1f %7.1f", name,
                    steps.get(), stepsPerSecond(), statements / (double) n, xacts / (double) n, walBytes / (double) n,
                    errors.get(), jvmCpu, postgresCpu, jvmCpu * seconds() * 1000 / n, postgresMsPerStep(),
                    clientCpu, serviceMsPerStep(), jitCpuMillis,
                    jitShare(), jitMillis, warmServiceMsPerStep(), stealPercent);
        }
    }

    long committedTransactions() {
        return jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()", Long.class);
    }


    static ThreadMXBean threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        return threads;
    }

    /** The benchmark's client CPU so far: that of the client threads that have ended. */
    long clientCpuNanosNow() {
        return clientCpuNanos.get();
    }

    /** This JVM's CPU ticks in the kernel so far (/proc/self/stat), 0 where /proc is missing. */
    static long jvmSystemTicks() {
        ProcStat stat = ProcStat.read(Path.of("/proc/self"));
        return stat == null ? 0 : stat.systemTicks();
    }

    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** All of PostgreSQL's CPU ticks in a reading of {@link #postgresCpuTicksByKind()}. */
    static long total(Map<String, Long> ticksByKind) {
        return ticksByKind.entrySet().stream().filter(entry -> !entry.getKey().startsWith(OF_WHICH))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** A reading's part of another kind (the backends' time in the kernel), not added to the total. */
    static final String OF_WHICH = "of which ";

    static final String NOT_THE_BENCHMARKS_OWN = "query not like '%pg_stat_statements%' and query not like"
            + " '%pg_current_wal_lsn%' and query not like '%pg_stat_database%'";

    /**
     * One statement's share of a phase (pg_stat_statements; nested statements have toplevel false); blocks: the
     * shared buffers it touched (hit or read), which say how much of a table or index a statement walks.
     */
    record StatementTime(String query, long calls, double totalMillis, long rows, boolean toplevel, long plans,
                         double planMillis, long blocks) {
    }

    /**
     * CPU ticks of the embedded PostgreSQL (the postmaster's own and its exited children's, cutime and cstime, plus
     * its live backends'), per kind of process, from each child's title in /proc/N/cmdline ("postgres:
     * autovacuum worker …", "postgres: walwriter", "postgres: user db host(port) idle"): the pool's backends, the
     * background processes (WAL writer, checkpointer, background writer, launchers), and what ended (autovacuum
     * workers, which exit after each table, end up in the postmaster's children's ticks) with the live autovacuum
     * workers. pg_ctl detaches the server from this JVM, so it is found by the pid in its data directory's
     * postmaster.pid; empty where /proc is missing.
     */
    Map<String, Long> postgresCpuTicksByKind() {
        Map<String, Long> ticks = new TreeMap<>();
        try {
            String dataDirectory = jdbc.queryForObject("show data_directory", String.class);
            long postmaster = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).trim());
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    ProcStat stat = ProcStat.read(process);
                    if (stat == null) {
                        continue;
                    }
                    long pid = Long.parseLong(process.getFileName().toString());
                    if (pid == postmaster) {
                        ticks.merge("autovacuum+ended", stat.endedChildrenTicks(), Long::sum);
                        ticks.merge("background", stat.ownTicks(), Long::sum);
                    } else if (Long.parseLong(stat.fields()[1]) == postmaster) {
                        String title;
                        try {
                            title = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
                        } catch (IOException ended) {
                            continue;
                        }
                        String kind = title.startsWith("postgres: autovacuum worker") ? "autovacuum+ended"
                                : title.matches("(?s)postgres: (walwriter|checkpointer|background writer|autovacuum launcher"
                                        + "|logical replication launcher|walsummarizer|io worker).*") ? "background" : "backends";
                        ticks.merge(kind, stat.ownTicks(), Long::sum);
                        if (kind.equals("backends")) {
                            // Each statement is a round trip: the backend's socket reads and writes are kernel time. A
                            // backend that exits mid-phase (the pool's max lifetime) moves its ticks to "autovacuum+ended",
                            // so "backends" and this part can fall in such a phase; the total does not.
                            ticks.merge(OF_WHICH + "in the kernel: backends", stat.systemTicks(), Long::sum);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: the breakdown stays empty
        }
        return ticks;
    }

    /** Where the database's time went in a phase: CPU per kind of process and the statements that took most. */
    void databaseDetail(String name, Phase phase) {
        long steps = Math.max(1, phase.steps.get());
        line("");
        double jvmTicks = phase.jvmCpu * phase.seconds() * ProcStat.CLOCK_TICKS;
        line("%s: JVM CPU per step by thread (ms): %s; threads that ended in the phase %.1f; classes loaded in the phase %d;"
                        + " of the JVM's CPU in the kernel (all threads) %.1f ms per step",
                name, phase.jvmTicksByKind.entrySet().stream().map(entry -> entry.getKey() + " " + String.format("%.1f",
                        entry.getValue() * 1000.0 / ProcStat.CLOCK_TICKS / steps)).toList(),
                // Signed: a negative value would show the per-thread readings counting more than the process did.
                (jvmTicks - total(phase.jvmTicksByKind)) * 1000.0 / ProcStat.CLOCK_TICKS / steps,
                phase.classesLoaded, phase.jvmSystemTicks * 1000.0 / ProcStat.CLOCK_TICKS / steps);
        // In the API phases the service's allocation is Tomcat's threads (with the sealer's and the job executor's);
        // in the bare engine's phases the engine runs on the benchmark's own threads ("bare engine").
        line("%s: KiB allocated per step by thread (Java threads; the phase's own threads read as they end): %s", name,
                phase.allocatedByKind.entrySet().stream().filter(entry -> entry.getValue() >= 1024 * steps / 10)
                        .map(entry -> entry.getKey() + " " + String.format("%.0f", entry.getValue() / 1024.0 / steps)).toList());
        line("%s: garbage collection in the phase: %d collections, %d ms in all, the longest %d ms", name,
                phase.gc.collections(), phase.gc.millis(), phase.gc.longestMillis());
        line("%s: PostgreSQL CPU per step by process (ms): %s; top-level statements' execution time %.1f ms/st, planning %s; %d distinct statements", name,
                phase.postgresTicksByKind.entrySet().stream().map(entry -> entry.getKey() + " " + String.format("%.1f",
                        entry.getValue() * 1000.0 / ProcStat.CLOCK_TICKS / steps)).toList(), phase.executionMillis / steps,
                TRACK_PLANNING ? String.format("%.1f ms/st", phase.planningMillis / steps) : "not tracked",
                phase.distinctStatements);
        line("%s: buffer accesses per step of the top-level statements (the sealer's included): %.0f found in shared"
                        + " buffers, %.1f read from the OS (shared_buffers %s; the database %s at the phase's end)", name,
                phase.blocksHit / (double) steps, phase.blocksRead / (double) steps, phase.sharedBuffers, phase.databaseSize);
        line("%s: the engine's runtime tables at the phase's end: %s", name, phase.engineTables);
        line("%9s %9s %8s %8s %7s %4s %9s %9s  %s", "ms/st", "calls/st", "mean ms", "rows/cl", "blk/cl", "top", "plans/st",
                "plan ms/st", "statement (nested: run by a trigger or function)");
        for (StatementTime statement : phase.topStatements) {
            String query = statement.query().replaceAll("\\s+", " ");
            line("%9.2f %9.2f %8.3f %8.1f %7.1f %4s %9.2f %9.2f  %s", statement.totalMillis() / steps,
                    statement.calls() / (double) steps, statement.totalMillis() / Math.max(1, statement.calls()),
                    statement.rows() / (double) Math.max(1, statement.calls()),
                    statement.blocks() / (double) Math.max(1, statement.calls()), statement.toplevel() ? "yes" : "no",
                    statement.plans() / (double) steps, statement.planMillis() / steps,
                    query.length() > 160 ? query.substring(0, 160) + "…" : query);
        }
    }

    static List<Long> sorted(List<Long> samples) {
        synchronized (samples) {
            List<Long> copy = new ArrayList<>(samples);
            Collections.sort(copy);
            return copy;
        }
    }

    /** Milliseconds at this percentile (nearest rank) of sorted microseconds. */
    static double percentile(List<Long> sortedMicros, int percentile) {
        if (sortedMicros.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(sortedMicros.size() * percentile / 100.0) - 1;
        return sortedMicros.get(Math.max(0, rank)) / 1000.0;
    }

    static double best(Map<Integer, Phase> phases) {
        return phases.values().stream().mapToDouble(Phase::stepsPerSecond).max().orElse(0);
    }

    /**
     * A fixed piece of CPU work timed on the wall clock: on a shared (virtual) machine the same code runs slower when
     * neighbours take the cores or the memory, and the service's and PostgreSQL's CPU per step grow with it. One round
     * first, unmeasured (the JIT compiles the digest's loop), then the median of five rounds of 256 MiB (about 0.2 s
     * each). Read after the warm-up and at the end of a run: a rough second witness beside the steal column
     * (decision 0071).
     */
    static double machineSpeed() throws Exception {
        byte[] block = new byte[1 << 20];
        new java.util.Random(14).nextBytes(block);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        double[] rounds = new double[5];
        for (int round = -1; round < rounds.length; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 256; i++) {
                sha.update(block);
            }
            block[0] ^= sha.digest()[0]; // used, so the work is not left out
            if (round >= 0) {
                rounds[round] = 256 / ((System.nanoTime() - start) / 1e9);
            }
        }
        java.util.Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    /** The machine's steal ticks so far (the eighth number of /proc/stat's "cpu" line); 0 where there is none. */
    static long stealTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return fields.length > 8 ? Long.parseLong(fields[8]) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    void line(String format, Object... arguments) {
        String text = String.format(format, arguments);
        report.append(text).append('\n');
        System.out.println("[benchmark] " + text);
    }

    // ---------------------------------------------------------------- tokens

    /** A realm-shaped access token (TestUsers' claims), RS256-signed with this benchmark's key, valid for an hour. */
    static String token(String username, List<String> roles, Map<String, ?> extra) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))));
        TestUsers.claims(username, roles, extra).forEach(claims::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("route-benchmark-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class PhaseOver extends RuntimeException {
        PhaseOver() {
            super(null, null, false, false);
        }
    }

    static final class RouteFailed extends RuntimeException {
        RouteFailed() {
            super(null, null, false, false);
        }
    }
}
