package nl.wijkroute.operations.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.wijkroute.support.TestTokens;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The crash test (issue 15, deliverable 2; not part of verify: {@code ./mvnw -Pbenchmark test -Dtest=NodeCrashTest}).
 * Two instances of the service in JVMs of their own on one PostgreSQL; 50 concurrent clients spread over both
 * register signals (each with an Idempotency-Key) and carry their cases through triage and toeleiding (claims and
 * completions), which starts a nazorg timer per case. In the middle one instance is killed with SIGKILL and
 * later started again. Clients that got no answer retry with the same key. Afterwards it proves, and prints:
 * every acknowledged request is in the database; no signal, step or history row is duplicated; every case's
 * stage equals the engine's current activity, with no orphan executions and no stuck jobs; the jobs the dead
 * node had locked ran after their lock expired. Figures: docs/reliability.md.
 */
@Tag("benchmark")
class NodeCrashTest {

    private static final int CLIENTS = Integer.getInteger("crash.clients", 50);
    private static final Duration BEFORE_KILL = Duration.ofSeconds(Long.getLong("crash.before-kill-seconds", 20));
    private static final Duration AFTER_RESTART = Duration.ofSeconds(Long.getLong("crash.after-restart-seconds", 15));
    /** The victim works off each acquired job this much later, so that it holds job locks when it is killed. */
    private static final long VICTIM_JOB_DELAY_MILLIS = Long.getLong("crash.victim-job-delay-millis", 1000);
    /** The job executors' lock time: a job of the dead node runs once this has passed since it was locked. */
    private static final long LOCK_TIME_MILLIS = 15_000;
    /** How long a start may take: on the shared 2-core machine with load average 30 a start took 11 minutes. */
    private static final Duration STARTUP = Duration.ofMinutes(Long.getLong("crash.startup-minutes", 30));
    private static final String CLIENT_USER = "frontoffice";
    private static final String COACH = "wijkcoach";
    /** Which stage the support_case row must show while the engine waits in which activity. */
    private static final Map<String, String> STAGE_OF_ACTIVITY = Map.of("triage", "TRIAGE", "toeleiding", "TOELEIDING",
            "nazorgWait", "NAZORG", "nazorgControle", "NAZORG_CONTROLE");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String frontofficeToken = TestTokens.sign(TestUsers.claims(CLIENT_USER, List.of("frontoffice"), Map.of()),
            Instant.now().plus(Duration.ofHours(1)));
    private final String coachToken = TestTokens.sign(TestUsers.claims(COACH, List.of("wijkteam"),
            Map.of("team", "team-noord", "wijk", "noord")), Instant.now().plus(Duration.ofHours(1)));

    /** Idempotency-Key → case id, for every signal that was answered 201. */
    private final Map<String, String> acknowledgedSignals = new ConcurrentHashMap<>();
    /** "caseId/step" for every completion that was answered 204. */
    private final Set<String> acknowledgedSteps = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    private final List<Node> nodes = new ArrayList<>();

    final class Node {
        final String name;
        final int port = freePort();
        final String jdbcUrl;
        final Path keyFile;
        volatile Process process;
        volatile Instant started;
        volatile long logOffset;

        Node(String name, String jdbcUrl, Path keyFile) {
            this.name = name;
            this.jdbcUrl = jdbcUrl;
            this.keyFile = keyFile;
        }

        String api() {
            return "http://127.0.0.1:" + port + "/api/v1";
        }

        void start(String... extra) throws Exception {
            File log = log();
            log.getParentFile().mkdirs();
            logOffset = log.length();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx600m", "-cp", classpath(), CrashNode.class.getName(),
                    "--server.port=" + port, "--wijkroute.embedded-postgres.enabled=false",
                    "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                    "--spring.datasource.hikari.maximum-pool-size=20",
                    "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
                    "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000",
                    // A small executor with a queue: acquired jobs wait locked, as they do under load.
                    "--camunda.bpm.job-execution.core-pool-size=1", "--camunda.bpm.job-execution.max-pool-size=1",
                    "--camunda.bpm.job-execution.queue-capacity=20", "--camunda.bpm.job-execution.max-jobs-per-acquisition=10",
                    "--wijkroute.scheduling.enabled=true", "--wijkroute.route.nazorg-period=PT10S",
                    "--crash.node=" + name, "--crash.public-key=" + keyFile.toAbsolutePath()));
            command.addAll(List.of(extra));
            started = Instant.now();
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        }

        File log() {
            return new File("target/crash/" + name + ".log");
        }

        /** Waits until this start of the node has logged the text. */
        void awaitLog(String text, Duration atMost) throws Exception {
            Instant until = Instant.now().plus(atMost);
            while (true) {
                String log = Files.readString(log().toPath(), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (log.length() > logOffset && log.substring((int) logOffset).contains(text)) {
                    return;
                }
                assertThat(process.isAlive()).as(name + " died while starting, see target/crash/" + name + ".log").isTrue();
                assertThat(Instant.now()).as(name + " did not log " + text + " in time").isBefore(until);
                Thread.sleep(1000);
            }
        }

        boolean ready() {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }

        void awaitReady(Duration atMost) throws Exception {
            Instant until = Instant.now().plus(atMost);
            while (!ready()) {
                assertThat(process.isAlive()).as(name + " died while starting, see target/crash/" + name + ".log").isTrue();
                assertThat(Instant.now()).as(name + " not ready in time").isBefore(until);
                Thread.sleep(500);
            }
            // Wall time against the CPU time the JVM got: on a shared machine a slow start is a starved one.
            System.out.printf("[crash] %s ready %.0f s after its start, having had %.0f s of CPU (load average %.1f)%n", name,
                    Duration.between(started, Instant.now()).toMillis() / 1000.0,
                    process.info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }

        void kill() throws Exception {
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no commit, no lock released
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aNodeKilledUnderLoadLosesNothingAndLeavesNothingInconsistent() throws Exception {
        Path key = Files.createTempFile("crash-test-key", ".txt");
        Files.writeString(key, Base64.getEncoder().encodeToString(TestTokens.publicKey().getEncoded()));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Node a = new Node("nodeA", url, key);
            Node b = new Node("nodeB", url, key);
            nodes.add(a);
            nodes.add(b);
            try {
                a.start("--crash.job-delay-millis=" + VICTIM_JOB_DELAY_MILLIS);
                // B starts once A's engine exists (A created the engine's properties and holds the deployment
                // lock when it deploys), so that the two starts overlap on a slow machine without racing.
                a.awaitLog("ENGINE-00001", STARTUP);
                b.start();
                a.awaitReady(STARTUP);
                b.awaitReady(STARTUP);
                JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "", true));
                run(a, db);
            } finally {
                for (Node node : nodes) {
                    if (node.process != null) {
                        node.process.destroy();
                        node.process.waitFor(60, TimeUnit.SECONDS);
                        node.process.destroyForcibly();
                    }
                }
            }
        }
    }

    private void run(Node victim, JdbcTemplate db) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<String> unfinishedKeys = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            clients.submit(() -> {
                int n = client;
                while (running.get()) {
                    try {
                        String caseId = signal(n++, UUID.randomUUID().toString());
                        if (caseId == null) {
                            continue;
                        }
                        work(n++, caseId, "triage", Map.of("step", "triage", "urgency", "NORMAL", "safetyConcern", false,
                                "problemScope", "SINGLE", "route", "SHORT_ROUTE", "summary", "Eerste inschatting."));
                        work(n++, caseId, "toeleiding", Map.of("step", "toeleiding", "outcome", "CONNECTED",
                                "connectedTo", "Voedselbank"));
                    } catch (InterruptedException e) {
                        return null;
                    }
                }
                return null;
            });
        }
        long started = System.nanoTime();
        Thread.sleep(BEFORE_KILL.toMillis());

        // Kill -9 in the middle, at a moment the victim holds job locks (its slow executor keeps acquired jobs
        // locked in its queue; the wait is bounded: nazorg timers fall due 10 s after each toeleiding).
        Instant lockWaitUntil = Instant.now().plus(Duration.ofMinutes(2));
        while (heldLocks(db, victim) == 0 && Instant.now().isBefore(lockWaitUntil)) {
            Thread.sleep(100);
        }
        int requestsAtKill = requests.get();
        victim.kill();
        Instant killedAt = Instant.now();
        // What the dead node held: its locks that had not expired. A job it finished before dying is gone from
        // act_ru_job; one it was running rolled back with its connection and is still locked here.
        Map<String, Timestamp> lockedByVictim = new HashMap<>();
        db.query("select id_, lock_exp_time_ from act_ru_job where lock_owner_ = ? and lock_exp_time_ > now()",
                row -> {
                    lockedByVictim.put(row.getString(1), row.getTimestamp(2));
                }, victim.name);
        System.out.printf("[crash] killed %s after %d requests; it held %d job lock(s)%n", victim.name, requestsAtKill,
                lockedByVictim.size());
        Thread.sleep(3000);
        victim.start();
        victim.awaitReady(STARTUP);
        System.out.printf("[crash] %s back after %.0f s%n", victim.name, Duration.between(killedAt, Instant.now()).toMillis() / 1000.0);
        Thread.sleep(AFTER_RESTART.toMillis());
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - started) / 1e9;

        // Let every due nazorg timer run (10 s after toeleiding) and every lock of the dead node expire (15 s).
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (due(db) > 0 && Instant.now().isBefore(until)) {
            Thread.sleep(1000);
        }
        check(db, lockedByVictim, seconds);
    }

    private static int heldLocks(JdbcTemplate db, Node node) {
        // Locks with a few seconds to go, so that they are still held when the kill lands.
        return db.queryForObject("select count(*) from act_ru_job where lock_owner_ = ? "
                + "and lock_exp_time_ > now() + interval '3 seconds'", Integer.class, node.name);
    }

    private static int due(JdbcTemplate db) {
        return db.queryForObject("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ < now())",
                Integer.class);
    }

    /** Registers a signal; retries with the same key (on the other instance) until it has an answer. */
    private String signal(int n, String key) throws InterruptedException {
        Map<String, Object> body = Map.of("household", Map.of("displayName", "Crash " + key.substring(0, 8), "wijk", "noord",
                        "members", List.of(Map.of("givenName", "Anna", "familyName", "de Vries", "birthDate", "1985-03-12"))),
                "sourceType", "FRONTOFFICE", "description", "Vragen over schulden.", "leefgebieden", List.of("FINANCIEN"),
                "urgency", "NORMAL", "safetyConcern", false);
        for (int attempt = 0; attempt < 200; attempt++) {
            HttpResponse<String> answer = send(nodes.get((n + attempt) % 2).api() + "/signals", frontofficeToken, body, key);
            if (answer != null && answer.statusCode() == 201) {
                String caseId = read(answer.body()).get("caseId").asText();
                acknowledgedSignals.put(key, caseId);
                return caseId;
            }
            retries.incrementAndGet();
            Thread.sleep(250);
        }
        throw new AssertionError("signal " + key + " never answered");
    }

    /** Claims and completes the case's open task with this key; retries until done (or found done). */
    private void work(int n, String caseId, String taskKey, Map<String, Object> input) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            String api = nodes.get((n + attempt) % 2).api();
            HttpResponse<String> file = send(api + "/cases/" + caseId, coachToken, null, null);
            if (file == null || file.statusCode() != 200) {
                retries.incrementAndGet();
                Thread.sleep(250);
                continue;
            }
            String taskId = null;
            for (JsonNode task : read(file.body()).get("openTasks")) {
                if (task.get("taskKey").asText().equals(taskKey)) {
                    taskId = task.get("id").asText();
                }
            }
            if (taskId == null) {
                return; // completed by an earlier attempt whose answer was lost
            }
            HttpResponse<String> claimed = send(api + "/tasks/" + taskId + "/claim", coachToken, Map.of(), null);
            HttpResponse<String> completed = claimed != null && claimed.statusCode() == 200
                    ? send(api + "/tasks/" + taskId + "/complete", coachToken, input, null) : null;
            if (completed != null && completed.statusCode() == 204) {
                acknowledgedSteps.add(caseId + "/" + taskKey);
                return;
            }
            retries.incrementAndGet();
            Thread.sleep(250);
        }
        throw new AssertionError(taskKey + " of " + caseId + " never completed");
    }

    private HttpResponse<String> send(String url, String token, Object body, String key) {
        requests.incrementAndGet();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token);
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            unanswered.incrementAndGet(); // connection refused or reset: the killed instance
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(JdbcTemplate db, Map<String, Timestamp> lockedByVictim, double seconds) {
        int signals = db.queryForObject("select count(*) from signal", Integer.class);
        int cases = db.queryForObject("select count(*) from support_case", Integer.class);
        int lostSignals = (int) acknowledgedSignals.entrySet().stream().filter(ack -> db.queryForObject(
                "select count(*) from signal s join idempotency_record r on r.idempotency_key = ? where s.case_id = ?::uuid",
                Integer.class, ack.getKey(), ack.getValue()) == 0).count();
        int lostSteps = (int) acknowledgedSteps.stream().filter(ack -> {
            String[] parts = ack.split("/");
            String to = parts[1].equals("triage") ? "TOELEIDING" : "NAZORG";
            return db.queryForObject("select count(*) from step_history where case_id = ?::uuid and to_stage = ?",
                    Integer.class, parts[0], to) == 0;
        }).count();
        int signalsPerCaseAboveOne = db.queryForObject(
                "select count(*) from (select case_id from signal group by case_id having count(*) > 1) d", Integer.class);
        int duplicateKeys = db.queryForObject("select count(*) - count(distinct idempotency_key) from idempotency_record",
                Integer.class);
        int duplicateSteps = db.queryForObject("select count(*) from (select case_id, to_stage from step_history "
                + "group by case_id, to_stage having count(*) > 1) d", Integer.class);
        int duplicateHistory = db.queryForObject("select count(*) from (select proc_inst_id_, task_def_key_ from act_hi_taskinst "
                + "group by proc_inst_id_, task_def_key_ having count(*) > 1) d", Integer.class);
        List<String> inconsistent = new ArrayList<>();
        db.query("""
                select c.id, c.current_stage, e.act_id_ from support_case c
                join act_ru_execution p on p.business_key_ = c.id::text and p.parent_id_ is null
                join act_ru_execution e on e.proc_inst_id_ = p.id_ and e.act_id_ is not null and e.is_active_
                where p.proc_def_id_ like 'routekaart:%'
                """, row -> {
            String expected = STAGE_OF_ACTIVITY.get(row.getString(3));
            if (expected != null && !expected.equals(row.getString(2))) {
                inconsistent.add(row.getString(1) + " " + row.getString(2) + " vs " + row.getString(3));
            }
        });
        int casesWithoutRoute = db.queryForObject("select count(*) from support_case c where c.status <> 'CLOSED' and not exists "
                + "(select 1 from act_ru_execution p where p.business_key_ = c.id::text and p.parent_id_ is null)", Integer.class);
        int orphanExecutions = db.queryForObject("select count(*) from act_ru_execution e where e.parent_id_ is null "
                + "and e.super_exec_ is null and not exists (select 1 from support_case c where c.id::text = e.business_key_)",
                Integer.class);
        int stuckJobs = db.queryForObject("select count(*) from act_ru_job where retries_ = 0 or (duedate_ < now() - interval '30 seconds') "
                + "or (lock_exp_time_ < now() and lock_owner_ is not null)", Integer.class);
        int victimJobsLeft = lockedByVictim.isEmpty() ? 0 : db.queryForObject(
                "select count(*) from act_ru_job where id_ = any(?::varchar[])", Integer.class,
                "{" + String.join(",", lockedByVictim.keySet()) + "}");
        // Ran (job log: successful) no earlier than the dead node's lock expired: taken over, not finished by it.
        List<Long> takeoverSeconds = new ArrayList<>();
        lockedByVictim.forEach((job, expiry) -> {
            Timestamp ran = db.queryForObject("select min(timestamp_) from act_hi_job_log where job_id_ = ? and job_state_ = 2",
                    Timestamp.class, job);
            if (ran != null && !ran.before(expiry)) {
                takeoverSeconds.add(Duration.between(expiry.toInstant(), ran.toInstant()).toSeconds());
            }
        });
        int victimJobsRan = takeoverSeconds.size();
        int nazorgChecks = db.queryForObject("select count(*) from act_ru_task where task_def_key_ = 'nazorgControle'", Integer.class);

        System.out.printf("""
                [crash] %d clients over 2 instances for %.0f s, one killed with SIGKILL and restarted
                [crash] requests %d (%.0f/s), without an answer (connection refused/reset) %d, retried %d
                [crash] signals acknowledged %d, in the database %d (cases %d); acknowledged but missing: %d
                [crash] completions acknowledged %d; acknowledged but missing from the step history: %d
                [crash] duplicates: cases with more than one signal %d, idempotency keys %d, step-history moves %d, history tasks %d
                [crash] stage copy differs from the engine's activity: %d; open cases without a route: %d; orphan executions: %d
                [crash] stuck jobs (failed, overdue > 30 s, or locked past expiry): %d; nazorg timers fired: %d
                [crash] jobs the killed instance held locked: %d, ran after the lock expired: %d (%s s after expiry), still waiting: %d
                """, CLIENTS, seconds, requests.get(), requests.get() / seconds, unanswered.get(), retries.get(),
                acknowledgedSignals.size(), signals, cases, lostSignals, acknowledgedSteps.size(), lostSteps,
                signalsPerCaseAboveOne, duplicateKeys, duplicateSteps, duplicateHistory, inconsistent.size(), casesWithoutRoute,
                orphanExecutions, stuckJobs, nazorgChecks, lockedByVictim.size(), victimJobsRan,
                takeoverSeconds.isEmpty() ? "-" : Collections.min(takeoverSeconds) + "-" + Collections.max(takeoverSeconds), victimJobsLeft);

        assertThat(lostSignals).as("acknowledged signals missing").isZero();
        assertThat(lostSteps).as("acknowledged completions missing").isZero();
        assertThat(signals).as("one signal per acknowledged key").isEqualTo(acknowledgedSignals.size());
        assertThat(signalsPerCaseAboveOne + duplicateKeys + duplicateSteps + duplicateHistory).as("duplicates").isZero();
        assertThat(inconsistent).as("stage copy vs engine").isEmpty();
        assertThat(casesWithoutRoute + orphanExecutions).as("cases without a route, orphan executions").isZero();
        assertThat(stuckJobs).as("stuck jobs").isZero();
        assertThat(lockedByVictim).as("the killed instance held job locks").isNotEmpty();
        assertThat(victimJobsLeft).as("jobs of the killed instance still waiting").isZero();
        assertThat(victimJobsRan).as("jobs of the killed instance ran").isEqualTo(lockedByVictim.size());
    }

    /** The test classpath as surefire has it, each entry once (twice, the engine would deploy every BPMN twice). */
    private static String classpath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, new java.util.LinkedHashSet<>(List.of(path.split(File.pathSeparator))));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
