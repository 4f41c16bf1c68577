package nl.wijkroute.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestTokens;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * CPU time per call of the route (issue 14): signal, case file, werkbak page, claim and complete of
 * triage and vraagverheldering, each through the real bearer-token filter (a signed JWT, verified by
 * the production validators; the same token for a user's calls, as a client holds it for its lifetime).
 * Counted with the request thread's CPU time (ThreadMXBean), which the load of other processes on the
 * machine hardly changes, unlike wall-clock time; PostgreSQL's own CPU is not in it. MockMvc, so no
 * socket or servlet container either. Also the bytes the request thread allocated per call (HotSpot's exact count per
 * thread, MockMvc's own request and response objects included), which a noisy machine hardly moves (a few percent
 * between runs, with the JIT's choices, against a third for CPU times): work that a change removes shows there when CPU
 * times cannot show it. "GET /cases/{id}" and "POST claim" are two calls per route each (before and after triage).
 * And CPU per JWT decode of the decoder the filter uses.
 * Run: {@code ./mvnw -Pbenchmark test -Dtest=RequestCpuBenchmarkTest}. Results: docs/performance.md,
 * "Request path work per call".
 */
@Tag("benchmark")
@Import(TestTokens.Decoder.class)
class RequestCpuBenchmarkTest extends ApiTestSupport {

    private static final int WARM_UP = Integer.getInteger("benchmark.cpu.warm-up", 30);
    private static final int ROUTES = Integer.getInteger("benchmark.cpu.routes", 100);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALLOCATION = (com.sun.management.ThreadMXBean) THREADS;

    @Autowired
    JwtDecoder decoder;

    /** Bytes the request thread allocated per measured call, by call (filled with {@code cpu}, measured routes only). */
    private final Map<String, List<Long>> allocated = new LinkedHashMap<>();

    private final String coach = TestTokens.sign(TestUsers.claims("wijkcoach", List.of("wijkteam"),
            Map.of("team", "team-noord", "wijk", "noord")), java.time.Instant.now().plusSeconds(3600));
    private final String frontoffice = TestTokens.sign(TestUsers.claims("frontoffice", List.of("frontoffice"), Map.of()),
            java.time.Instant.now().plusSeconds(3600));

    @Test
    void cpuPerCallOfTheRoute() throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            route(null);
        }
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < ROUTES; i++) {
            route(cpu);
        }
        long wall = System.nanoTime() - start;
        System.out.printf("%n[cpu] %d routes after %d warm-up routes, %.1f s wall, %d cores%n", ROUTES, WARM_UP,
                wall / 1e9, Runtime.getRuntime().availableProcessors());
        long total = 0;
        int calls = 0;
        for (var entry : cpu.entrySet()) {
            List<Long> sorted = entry.getValue().stream().sorted().toList();
            total += sorted.stream().mapToLong(Long::longValue).sum();
            calls += sorted.size();
            List<Long> bytes = allocated.get(entry.getKey()).stream().sorted().toList();
            System.out.printf("[cpu] %-28s median %5.2f ms  mean %5.2f ms CPU per call; allocated median %6.1f KiB%n",
                    entry.getKey(), sorted.get(sorted.size() / 2) / 1e6,
                    sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6, bytes.get(bytes.size() / 2) / 1024.0);
        }
        System.out.printf("[cpu] all calls: mean %.2f ms CPU per call%n", total / 1e6 / calls);

        int decodes = 2000;
        long before = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < decodes; i++) {
            decoder.decode(coach);
        }
        System.out.printf("[cpu] JwtDecoder.decode, same token: %.1f µs CPU per call%n",
                (THREADS.getCurrentThreadCpuTime() - before) / 1e3 / decodes);
    }

    private void route(Map<String, List<Long>> cpu) throws Exception {
        Map<String, Object> signal = signal(newHousehold("noord"));
        MvcResult signalled = call(cpu, "POST /signals", post("/api/v1/signals").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(signal)), frontoffice, 201);
        String caseId = read(signalled).get("caseId").asText();
        String triageTask = task(call(cpu, "GET /cases/{id}", get("/api/v1/cases/" + caseId), coach, 200), "triage");
        call(cpu, "GET /tasks", get("/api/v1/tasks"), coach, 200);
        call(cpu, "POST claim", post("/api/v1/tasks/" + triageTask + "/claim"), coach, 200);
        Map<String, Object> triage = new LinkedHashMap<>(triage("FULL_ROUTE", "MULTIPLE", false, null));
        triage.put("step", "triage");
        call(cpu, "POST complete (triage)", post("/api/v1/tasks/" + triageTask + "/complete")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(triage)), coach, 204);
        JsonNode file = read(call(cpu, "GET /cases/{id}", get("/api/v1/cases/" + caseId), coach, 200));
        String vraagTask = task(file, "vraagverheldering");
        String memberId = file.get("household").get("members").get(0).get("id").asText();
        for (String leefgebied : List.of("FINANCIEN", "WERK_EN_OPLEIDING")) {
            call(null, "PUT vraagverheldering", put("/api/v1/cases/" + caseId + "/vraagverheldering/" + memberId + "/" + leefgebied)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"score\": 2, \"ownWords\": \"Het loopt me boven het hoofd.\"}"),
                    coach, 200);
        }
        fillRestOfGrid(java.util.UUID.fromString(caseId)); // levensbreed (decision 0045), not measured
        call(cpu, "POST claim", post("/api/v1/tasks/" + vraagTask + "/claim"), coach, 200);
        call(cpu, "POST complete (vraagverh.)", post("/api/v1/tasks/" + vraagTask + "/complete")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("step", "vraagverheldering",
                        "outcome", "TO_PLAN", "realQuestion", "Grip op geld."))), coach, 204);
    }

    private MvcResult call(Map<String, List<Long>> cpu, String name, MockHttpServletRequestBuilder request, String token,
                           int status) throws Exception {
        long bytesBefore = ALLOCATION.getCurrentThreadAllocatedBytes();
        long before = THREADS.getCurrentThreadCpuTime();
        MvcResult result = mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn();
        long used = THREADS.getCurrentThreadCpuTime() - before;
        long bytes = ALLOCATION.getCurrentThreadAllocatedBytes() - bytesBefore;
        assertThat(result.getResponse().getStatus()).as(name + ": " + result.getResponse().getContentAsString()).isEqualTo(status);
        if (cpu != null) {
            cpu.computeIfAbsent(name, key -> new ArrayList<>()).add(used);
            allocated.computeIfAbsent(name, key -> new ArrayList<>()).add(bytes);
        }
        return result;
    }

    private String task(MvcResult caseFile, String key) throws Exception {
        return task(read(caseFile), key);
    }

    private static String task(JsonNode caseFile, String key) {
        for (JsonNode task : caseFile.get("openTasks")) {
            if (task.get("taskKey").asText().equals(key)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError("no open task " + key);
    }
}
