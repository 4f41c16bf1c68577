package nl.wijkroute.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.wijkroute.support.TestUsers;
import nl.wijkroute.system.keycloak.KeycloakLauncher;
import nl.wijkroute.system.keycloak.KeycloakProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cockpit with the real Keycloak and the repository's realm: a browser's authorization-code login (redirects,
 * the Keycloak login form, cookies; plain HTTP, no JavaScript needed for the login itself) as the demo user
 * admin reaches Cockpit and its REST API as that user, may read and retry jobs but not write; Cockpit's logout ends
 * the Spring and the Keycloak session; wijkcoach, logged in just as well, is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CockpitLoginIT {

    static final int KEYCLOAK_PORT = freePort();
    static final String ISSUER = "http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/wijkroute";
    static KeycloakLauncher keycloak;

    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @BeforeAll
    static void startKeycloak() {
        keycloak = new KeycloakLauncher(new KeycloakProperties(true, KEYCLOAK_PORT,
                Path.of(System.getProperty("wijkroute.keycloak.home")), Duration.ofSeconds(420), true));
        keycloak.start();
        keycloak.awaitReady();
    }

    @AfterAll
    static void stopKeycloak() {
        keycloak.close();
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    }

    /** The realm allows the dev port's redirect URI; this run's random port is added as a realm admin would. */
    @BeforeEach
    void allowThisPortsRedirect() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + KEYCLOAK_PORT
                        + "/realms/master/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin")))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
        String clients = "http://127.0.0.1:" + KEYCLOAK_PORT + "/admin/realms/wijkroute/clients";
        JsonNode client = json.readTree(http.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=wijkroute-cockpit"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body()).get(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) client.get("redirectUris"))
                .add("http://127.0.0.1:" + port + "/login/oauth2/code/keycloak");
        HttpResponse<String> updated = http.send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(client))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    }

    @Test
    void theAdminLogsInAtKeycloakAndReachesCockpit() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> cockpit = browser.logIn(app("/camunda/app/cockpit/default/"), "admin");

        assertThat(cockpit.statusCode()).as(cockpit.uri() + " " + cockpit.body()).isEqualTo(200);
        assertThat(cockpit.uri().toString()).startsWith(app("/camunda/app/cockpit/"));
        assertThat(cockpit.body()).containsIgnoringCase("cockpit");
        // Cockpit's REST side answers the session: the engine REST and the cockpit plugin's own queries.
        HttpResponse<String> definitions = browser.get(app("/camunda/api/engine/engine/default/process-definition/count"));
        assertThat(definitions.statusCode()).as(definitions.body()).isEqualTo(200);
        assertThat(json.readTree(definitions.body()).get("count").asLong()).isPositive();
        HttpResponse<String> instances = browser.send("POST", app("/camunda/api/cockpit/plugin/base/default/process-instance/count"), "{}");
        assertThat(instances.statusCode()).as(instances.body()).isEqualTo(200);
        assertThat(json.readTree(instances.body()).get("count").isNumber()).isTrue();
        // A job retry passes the chain and reaches the engine (which knows no such job: an engine error, not a refusal).
        HttpResponse<String> retry = browser.send("PUT", app("/camunda/api/engine/engine/default/job/no-such-job/retries"),
                "{\"retries\":1}");
        assertThat(retry.statusCode()).as(retry.body()).isNotIn(200, 204, 302, 401, 403);
        assertThat(retry.body()).as("answered by the engine").contains("no-such-job");
        // Writes are refused by the Cockpit chain itself (problem+json), with the webapp's CSRF token sent along.
        for (String write : List.of("/camunda/api/engine/engine/default/deployment/create",
                "/camunda/api/engine/engine/default/task/any-task/complete",
                "/camunda/api/engine/engine/default/message")) {
            HttpResponse<String> refused = browser.send("POST", app(write), "{}");
            assertThat(refused.statusCode()).as(write + " " + refused.body()).isEqualTo(403);
            assertThat(refused.body()).as(write).contains("alleen voor beheerders");
        }
        HttpResponse<String> who = browser.get(app("/camunda/api/admin/auth/user/default"));
        assertThat(who.statusCode()).as("the webapp's own view of the operator: " + who.body()).isEqualTo(200);
        JsonNode user = json.readTree(who.body());
        assertThat(user.get("userId").asText()).isEqualTo(TestUsers.sub("admin"));
        assertThat(user.get("authorizedApps").toString()).contains("cockpit").doesNotContain("tasklist");
    }

    @Test
    void afterCockpitsLogoutTheNextVisitNeedsTheKeycloakLoginAgain() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.logIn(app("/camunda/app/cockpit/default/"), "admin").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.send("POST", app("/camunda/api/admin/auth/user/default/logout"), "");

        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);
        HttpResponse<String> again = browser.get(app("/camunda/app/cockpit/default/"));
        assertThat(again.uri().toString()).as("sent to Keycloak").startsWith(ISSUER + "/protocol/openid-connect/auth");
        assertThat(again.body()).as("Keycloak's session ended too: its login form, no silent single sign-on")
                .contains("kc-form-login");
    }

    @Test
    void aWorkerLoggedInAtKeycloakIsRefused() throws Exception {
        HttpResponse<String> cockpit = new Browser().logIn(app("/camunda/app/cockpit/default/"), "wijkcoach");

        assertThat(cockpit.statusCode()).as(cockpit.uri() + " " + cockpit.body()).isEqualTo(403);
        assertThat(cockpit.uri().toString()).as("refused at Cockpit itself, after the login").startsWith(app("/camunda/"));
    }

    private String app(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keycloak sets its login-session cookies Secure (SameSite=None). A browser sends Secure cookies to
     * http://127.0.0.1 (a loopback origin counts as secure); Java's cookie store would not, and Keycloak would
     * answer "cookie not found". So the store keeps them as a browser does on loopback.
     */
    static final class LoopbackCookies implements CookieStore {

        private final CookieStore cookies = new CookieManager().getCookieStore();

        @Override
        public void add(URI uri, HttpCookie cookie) {
            cookie.setSecure(false);
            cookies.add(uri, cookie);
        }

        @Override
        public List<HttpCookie> get(URI uri) {
            return cookies.get(uri);
        }

        @Override
        public List<HttpCookie> getCookies() {
            return cookies.getCookies();
        }

        @Override
        public List<URI> getURIs() {
            return cookies.getURIs();
        }

        @Override
        public boolean remove(URI uri, HttpCookie cookie) {
            return cookies.remove(uri, cookie);
        }

        @Override
        public boolean removeAll() {
            return cookies.removeAll();
        }
    }

    /** Cookies and redirects as a browser keeps them; the Keycloak login form filled in and sent. */
    static final class Browser {

        private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

        /**
         * Generous: this test is about who may reach Cockpit, not how fast. Cockpit's first plugin query compiles the
         * webapp's MyBatis mappings, which took over 30 s once on the shared 2 cores under load 20 and failed verify.
         */
        private static final Duration CALL_TIMEOUT = Duration.ofSeconds(180);

        private final LoopbackCookies cookies = new LoopbackCookies();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(cookies, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(10)).build();

        /** A call as Cockpit's scripts make it: JSON, with the webapp's CSRF token from its cookie in the header. */
        HttpResponse<String> send(String method, String url, String body) throws Exception {
            String csrf = cookies.getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", csrf).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Opens the page, is sent to Keycloak's login form, signs in, follows the redirects back. */
        HttpResponse<String> logIn(String page, String user) throws Exception {
            HttpResponse<String> loginForm = get(page);
            assertThat(loginForm.uri().toString()).as("sent to Keycloak").startsWith(ISSUER + "/protocol/openid-connect/auth");
            Matcher action = FORM_ACTION.matcher(loginForm.body());
            assertThat(action.find()).as("the Keycloak login form").isTrue();
            String target = action.group(1).replace("&amp;", "&");
            return http.send(HttpRequest.newBuilder(URI.create(target)).timeout(CALL_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(form(Map.of("username", user, "password", user, "credentialId", ""))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
