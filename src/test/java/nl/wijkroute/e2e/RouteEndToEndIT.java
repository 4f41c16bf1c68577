package nl.wijkroute.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.TestPorts;
import nl.wijkroute.system.StartupProblem;
import nl.wijkroute.system.keycloak.KeycloakLauncher;
import nl.wijkroute.system.keycloak.KeycloakProperties;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole chain for real: Keycloak from the Maven Central distribution with the repo's realm,
 * tokens from the dev client for demo users, the application on a real port validating them, and a
 * household driven from signal to closed over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RouteEndToEndIT {

    static final int KEYCLOAK_PORT = TestPorts.freePort();
    static KeycloakLauncher keycloak;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @BeforeAll
    static void startKeycloak() {
        keycloak = new KeycloakLauncher(new KeycloakProperties(true, KEYCLOAK_PORT,
                Path.of(System.getProperty("wijkroute.keycloak.home")), Duration.ofSeconds(180), true));
        long start = System.nanoTime();
        keycloak.start();
        keycloak.awaitReady();
        System.out.printf("[measure] Keycloak start-up (in-memory realm import): %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void stopKeycloak() {
        List<ProcessHandle> processes = keycloak.processes();
        keycloak.close();
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/wijkroute");
    }

    @Test
    void householdTravelsFromSignalToClosedWithRealTokens() throws Exception {
        String frontoffice = token("frontoffice");
        String coach = token("wijkcoach");

        JsonNode registered = send("POST", "/api/v1/signals", frontoffice, Map.of(
                "household", Map.of("displayName", "Huishouden E2E " + UUID.randomUUID().toString().substring(0, 6),
                        "wijk", "noord", "members", List.of(Map.of("givenName", "Jolanda", "familyName", "Test",
                                "birthDate", "1976-02-14"))),
                "sourceType", "PARTNER", "sourceOrganisation", "Schuldhulp Stad",
                "description", "Schulden, werk en zorg tegelijk.", "leefgebieden", List.of("FINANCIEN", "WERK_EN_OPLEIDING"),
                "urgency", "HIGH", "safetyConcern", false), 201);
        String caseId = registered.get("caseId").asText();

        step(caseId, "triage", coach, Map.of("urgency", "HIGH", "safetyConcern", false, "problemScope", "MULTIPLE",
                "route", "FULL_ROUTE", "summary", "Meervoudige problematiek."));
        String memberId = send("GET", "/api/v1/cases/" + caseId, coach, null, 200).get("household").get("members")
                .get(0).get("id").asText();
        for (String leefgebied : List.of("FINANCIEN", "WERK_EN_OPLEIDING")) {
            send("PUT", "/api/v1/cases/" + caseId + "/vraagverheldering/" + memberId + "/" + leefgebied, coach,
                    Map.of("score", 2, "ownWords", "Ik zie door de brieven het overzicht niet meer."), 200);
        }
        // Levensbreed (decision 0045): the rest of the grid in one request, then the step may go to the plan.
        List<Map<String, Object>> rest = new java.util.ArrayList<>();
        send("GET", "/api/v1/cases/" + caseId + "/vraagverheldering", coach, null, 200).get("missingCells")
                .forEach(cell -> rest.add(Map.of("memberId", cell.get("memberId").asText(), "leefgebied",
                        cell.get("leefgebied").asText(), "assessment", Map.of("score", 4))));
        send("POST", "/api/v1/cases/" + caseId + "/vraagverheldering/assessments", coach, Map.of("assessments", rest), 200);
        step(caseId, "vraagverheldering", coach, Map.of("outcome", "TO_PLAN", "realQuestion", "Rust in de financiën."));
        send("POST", "/api/v1/cases/" + caseId + "/plan", coach, Map.of("goals", List.of(Map.of("leefgebied", "FINANCIEN",
                "description", "Grip op geld", "result", "Schulden in een regeling",
                "targetDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(6).toString(), "actions", List.of(Map.of("description",
                        "Schuldhulptraject", "ownerType", "WIJKTEAM", "status", "PLANNED"))))), 201);
        send("POST", "/api/v1/cases/" + caseId + "/plan/agreement", coach, Map.of("basedOnVersion", 1,
                "agreedAt", java.time.Instant.now().minusSeconds(5).toString(), "form", "IN_GESPREK", "agreedBy", "Jolanda"), 200);
        step(caseId, "plan", coach, Map.of("outcome", "TO_REGIE", "firstEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(6).toString()));
        step(caseId, "regie", coach, Map.of("outcome", "TO_EVALUATIE"));
        step(caseId, "evaluatie", coach, Map.of("outcome", "CLOSE", "reason", "Doelen bereikt."));
        assertThat(send("GET", "/api/v1/cases/" + caseId, coach, null, 200).get("status").asText()).isEqualTo("NAZORG");

        // Three months later: the engine's nazorg timer creates the check.
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .singleResult().getId();
        managementService.createJobQuery().timers().processInstanceId(processInstanceId).list()
                .forEach(job -> managementService.executeJob(job.getId()));
        step(caseId, "nazorgControle", coach, Map.of("outcome", "ALL_WELL"));

        JsonNode closed = send("GET", "/api/v1/cases/" + caseId, coach, null, 200);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        JsonNode history = send("GET", "/api/v1/cases/" + caseId + "/history", coach, null, 200);
        assertThat(history.findValuesAsText("to")).containsExactly("SIGNALEREN", "TRIAGE", "VRAAGVERHELDERING", "PLAN",
                "REGIE", "EVALUATIE", "NAZORG", "NAZORG_CONTROLE", "AFGESLOTEN");
        assertThat(history.findValuesAsText("actor")).contains("frontoffice", "wijkcoach", "system");
    }

    @Test
    void realTokensCarryRolesAndTeamAndAnythingElseIsRefused() throws Exception {
        assertThat(tokenResponse("wijkcoach", "wrong-password").get("_status").asInt()).isEqualTo(401);
        send("GET", "/api/v1/cases", token("manager"), null, 403);
        send("GET", "/api/v1/cases", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", null, 401);
        send("GET", "/api/v1/cases", null, null, 401);

        // The team claim from Keycloak decides the werkbak: a Noord triage is not offered to team Zuid.
        JsonNode registered = send("POST", "/api/v1/signals", token("frontoffice"), Map.of(
                "household", Map.of("displayName", "Huishouden Noord " + UUID.randomUUID().toString().substring(0, 6),
                        "wijk", "noord", "members", List.of(Map.of("givenName", "Mo", "familyName", "Test", "birthDate", "1980-01-01"))),
                "sourceType", "RESIDENT", "description", "Vraag over werk.", "urgency", "NORMAL", "safetyConcern", false), 201);
        String caseId = registered.get("caseId").asText();
        assertThat(send("GET", "/api/v1/tasks?size=100", token("wijkcoach"), null, 200).findValuesAsText("caseId")).contains(caseId);
        assertThat(send("GET", "/api/v1/tasks?size=100", token("wijkcoach2"), null, 200).findValuesAsText("caseId")).doesNotContain(caseId);
    }

    @Test
    void onlyTokensOfTheApisLoginClientsCount() throws Exception {
        // The login client's token: the API in aud, its roles as client roles, the demo user's fixed sub.
        JsonNode claims = payload(token("wijkcoach"));
        assertThat(claims.get("aud").toString()).contains("wijkroute-api");
        assertThat(claims.get("resource_access").get("wijkroute-api").get("roles").toString()).contains("wijkteam");
        assertThat(claims.get("sub").asText()).isEqualTo("5e1f0000-0000-4000-8000-000000000002");
        assertThat(claims.get("azp").asText()).isEqualTo("wijkroute-cli");

        // The same demo user and password through another client of the realm: Keycloak hands out a token,
        // the API refuses it.
        JsonNode adminCli = tokenResponse("wijkcoach", "wijkcoach", "admin-cli");
        assertThat(adminCli.get("_status").asInt()).as(adminCli.toString()).isEqualTo(200);
        send("GET", "/api/v1/tasks", adminCli.get("access_token").asText(), null, 401);
        send("GET", "/api/v1/tasks", token("wijkcoach"), null, 200);
    }

    private JsonNode payload(String token) throws Exception {
        return json.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    @Test
    void aSecondKeycloakOnABusyPortFailsAtOnceWithAClearMessage() {
        KeycloakLauncher second = new KeycloakLauncher(new KeycloakProperties(true, KEYCLOAK_PORT,
                Path.of(System.getProperty("wijkroute.keycloak.home")), Duration.ofSeconds(5), true));
        assertThatThrownBy(second::start).isInstanceOf(StartupProblem.class)
                .hasMessageContaining(String.valueOf(KEYCLOAK_PORT)).hasMessageContaining("WIJKROUTE_KEYCLOAK_PORT");
        assertThat(second.isRunning()).isFalse();
    }

    private void step(String caseId, String taskKey, String token, Map<String, Object> input) throws Exception {
        JsonNode caseFile = send("GET", "/api/v1/cases/" + caseId, token, null, 200);
        String taskId = null;
        for (JsonNode task : caseFile.get("openTasks")) {
            if (task.get("taskKey").asText().equals(taskKey)) {
                taskId = task.get("id").asText();
            }
        }
        assertThat(taskId).as("open task " + taskKey).isNotNull();
        send("POST", "/api/v1/tasks/" + taskId + "/claim", token, null, 200);
        var body = new java.util.HashMap<>(input);
        body.put("step", taskKey);
        send("POST", "/api/v1/tasks/" + taskId + "/complete", token, body, 204);
    }

    private JsonNode send(String method, String path, String token, Object body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (path.equals("/api/v1/signals")) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? null : json.readTree(response.body());
    }

    private String token(String username) throws Exception {
        return tokenResponse(username, username).get("access_token").asText();
    }

    private JsonNode tokenResponse(String username, String password) throws Exception {
        return tokenResponse(username, password, "wijkroute-cli");
    }

    private JsonNode tokenResponse(String username, String password, String client) throws Exception {
        String form = "grant_type=password&client_id=" + client + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = json.readTree(response.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("_status", response.statusCode());
        return body;
    }
}
