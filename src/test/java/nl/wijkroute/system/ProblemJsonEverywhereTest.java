package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every error answer is problem+json, also the ones no controller gives: the HTTP firewall, unknown
 * paths, a wrong method or media type and the servlet container's error page. The firewall and the
 * container are tried over a real port with raw paths, since MockMvc builds its own requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ProblemJsonEverywhereTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/cases/%00", "/api/v1/cases/..%2F..%2Fetc", "/api/v1/cases/%2e%2e/signals",
            "/api/v1/cases/a%252Fb", "/api/v1/cases/;jsessionid=x", "/api/v1/cases/a%5Cb", "/api/v1/cases/%0d%0a"})
    void theFirewallAnswersProblemJsonOverARealPort(String rawPath) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(rawPath + " " + response.body()).isEqualTo(400);
        assertProblemJson(response.headers().firstValue("Content-Type").orElse(""), response.body(), 400);
    }

    /** Paths the JDK client refuses to send (a raw NUL, a backslash, a non-encoded space) go over a bare socket. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/cases/a\\b", "/api/v1/cases/..;/x", "/api/v1/cases/%"})
    void malformedRequestLinesAnswerProblemJson(String rawPath) throws Exception {
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        int headerEnd = answer.indexOf("\r\n\r\n");
        String head = answer.substring(0, headerEnd);
        assertThat(head).as(rawPath + "\n" + answer).startsWith("HTTP/1.1 400");
        assertThat(head.toLowerCase()).as(rawPath + "\n" + answer).contains("content-type: application/problem+json");
    }

    @Test
    void theFirewallAnswersProblemJsonOverMockMvc() throws Exception {
        MvcResult result = mvc.perform(get(URI.create("/api/v1/cases/..%2F..%2Fetc")).with(TestUsers.wijkcoach())).andReturn();
        assertProblem(result, 400);
    }

    @Autowired
    FilterChainProxy securityFilters;

    @Autowired
    HttpFirewall firewall;

    /** The firewall with the service's own header checks (decision 0061) is the one in front, and it still refuses. */
    @Test
    void aControlCharacterInTheTokenHeaderIsRefusedWithProblemJson() throws Exception {
        // The bean is a composite (Spring MVC's, around Spring Security's) around the chain proxy that checks requests.
        Object chainProxy = securityFilters;
        while (chainProxy.getClass() != FilterChainProxy.class) {
            chainProxy = ReflectionTestUtils.getField(chainProxy, "springSecurityFilterChain");
        }
        assertThat(ReflectionTestUtils.getField(chainProxy, "firewall")).isSameAs(firewall);
        assertProblem(mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer eyJ\u0001x.y")).andReturn(), 400);
        assertProblem(mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer eyJ\u0085x.y")).andReturn(), 400);
    }

    @Test
    void anUnknownApiPathIs404WithATokenAnd401Without() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/does-not-exist").with(TestUsers.wijkcoach())).andReturn(), 404);
        assertProblem(mvc.perform(get("/api/v1/cases/x/y/z").with(TestUsers.manager())).andReturn(), 404);
        assertProblem(mvc.perform(get("/api/v1/does-not-exist")).andReturn(), 401);
        HttpResponse<String> overHttp = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/does-not-exist")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblemJson(overHttp.headers().firstValue("Content-Type").orElse(""), overHttp.body(), 401);
    }

    @Test
    void anUnknownPathOutsideTheApiIsAProblemToo() throws Exception {
        assertProblem(mvc.perform(get("/nothing-here")).andReturn(), 401);
        assertProblem(mvc.perform(get("/nothing-here").with(TestUsers.wijkcoach())).andReturn(), 403);
        HttpResponse<String> overHttp = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/nothing-here")).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblemJson(overHttp.headers().firstValue("Content-Type").orElse(""), overHttp.body(), 401);
    }

    @Test
    void aWrongMethodIs405() throws Exception {
        assertProblem(mvc.perform(delete("/api/v1/cases").with(TestUsers.wijkcoach())).andReturn(), 405);
        assertProblem(mvc.perform(delete("/api/v1/cases").with(TestUsers.wijkcoach()).accept(MediaType.TEXT_HTML))
                .andReturn(), 405);
    }

    @Test
    void anUnacceptableOrUnsupportedMediaTypeIs406Or415() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/cases").with(TestUsers.wijkcoach()).accept(MediaType.TEXT_HTML)).andReturn(),
                406);
        assertProblem(mvc.perform(post("/api/v1/signals").with(TestUsers.frontoffice()).header("Idempotency-Key", "k-415")
                .contentType(MediaType.TEXT_PLAIN).content("hallo")).andReturn(), 415);
    }

    @Test
    void theContainersErrorPathIsProblemJson() throws Exception {
        assertProblem(mvc.perform(errorPage(404).accept(MediaType.TEXT_HTML)).andReturn(), 404);
        assertProblem(mvc.perform(errorPage(500)).andReturn(), 500);
        HttpResponse<String> overHttp = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/error"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(overHttp.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private static MockHttpServletRequestBuilder errorPage(int status) {
        return get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/cases/x");
    }

    private void assertProblem(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        assertProblemJson(String.valueOf(result.getResponse().getContentType()), result.getResponse().getContentAsString(),
                status);
    }

    private void assertProblemJson(String contentType, String body, int status) throws Exception {
        assertThat(contentType).as(body).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(body).doesNotContain("<html", "Exception", "trace");
    }
}
