package nl.wijkroute.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import nl.wijkroute.reflection.Perspective;
import nl.wijkroute.reflection.ReflectionDtos;
import nl.wijkroute.reflection.ReflectionService;
import nl.wijkroute.reflection.ReflectionTheme;
import nl.wijkroute.reflection.ScopeType;
import nl.wijkroute.reflection.SessionForm;
import nl.wijkroute.support.TestUsers;
import nl.wijkroute.system.security.CurrentUser;
import nl.wijkroute.system.security.Roles;
import nl.wijkroute.support.TestPorts;
import nl.wijkroute.system.keycloak.KeycloakLauncher;
import nl.wijkroute.system.keycloak.KeycloakProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard page in headless Chromium (Debian's chromium + chromium-driver): a manager logs in
 * through the real Keycloak and sees the numbers of seeded data. Skipped, not passed, without Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int KEYCLOAK_PORT = TestPorts.freePort();
    static KeycloakLauncher keycloak;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startKeycloak() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No Chromium here: install the Debian packages chromium and chromium-driver (.ci/run does)");
        keycloak = new KeycloakLauncher(new KeycloakProperties(true, KEYCLOAK_PORT,
                Path.of(System.getProperty("wijkroute.keycloak.home")), Duration.ofSeconds(600), true)); // generous: CI machines are shared
        keycloak.start();
        keycloak.awaitReady();
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/wijkroute");
    }

    @BeforeEach
    void browser() throws Exception {
        allowDashboardOnThisPort();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1024");
        browser = new ChromeDriver(options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aManagerLogsInAndTheChartsShowTheSeededNumbers() {
        String team = seedTeamWithFourCasesInTriageAndThreeClosed();

        browser.get("http://localhost:" + port + "/dashboard?team=" + team);
        logIn("manager");

        waitUntilDashboardLoaded();
        String triage = browser.findElement(By.cssSelector("#wip tr[data-key='TRIAGE'] td:nth-child(2)")).getAttribute("textContent");
        assertThat(triage).isEqualTo("4");
        assertThat(browser.findElement(By.cssSelector("#wip canvas")).getAttribute("aria-label")).contains("Triage 4")
                .as("stages by their Dutch name, not their code").doesNotContain("TRIAGE");
        assertThat(browser.findElement(By.cssSelector("#wip tr[data-key='TRIAGE'] td:nth-child(1)")).getAttribute("textContent"))
                .isEqualTo("Triage");
        assertThat(browser.findElement(By.cssSelector("#leadtimes tr[data-key='SIGNALEREN'] td:nth-child(2)"))
                .getAttribute("textContent")).as("four stays in signaleren ended").isEqualTo("4");
        assertThat(browser.findElement(By.cssSelector("#summary dd[data-key='route']")).getText())
                .as("closed after 10, 20, 30 days: median 20, p80 20 + 0.6 * 10").isEqualTo("20 / 26 (3 casussen)");
        assertThat(browser.findElements(By.cssSelector("#signals tbody tr td:nth-child(2)")))
                .extracting(cell -> cell.getAttribute("textContent")).as("four partner signals in one week").contains("4");
        assertThat(browser.findElement(By.cssSelector("#signals canvas")).getAttribute("aria-label")).contains(" 4 0 0 0");
        assertThat(browser.findElement(By.cssSelector("#escalations .empty")).getText()).as("this team never escalated")
                .isEqualTo("Geen gegevens voor deze selectie.");
        assertThat(browser.findElement(By.cssSelector("#wip .empty")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("user")).getText()).contains("manager");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("team"))).getFirstSelectedOption()
                .getAttribute("value")).as("the filter from the link is applied").isEqualTo(team);
    }

    /** Issue 13.1: one failing indicator used to blank the whole page under "Fout bij escalations". */
    @Test
    void oneFailingIndicatorShowsItsOwnErrorAndTheOthersStillDraw() {
        String team = seedTeamWithFourCasesInTriageAndThreeClosed();
        // A doorbraak whose casusoverleg is no date: the escalations query cannot cast it and answers 500.
        jdbc.update("""
                insert into escalation (id, case_id, cause, description, source, raised_by, raised_at, status, doorbraak)
                select gen_random_uuid(), c.id, 'FINANCING_CONFLICT', 'Browsertest', 'WORKER', 'test', now() - interval '1 day',
                       'DOORBRAAK', '{"casusoverlegAt": "geen datum"}'
                from support_case c where c.team_id = ? and c.status = 'OPEN' limit 1
                """, team);

        browser.get("http://localhost:" + port + "/dashboard?team=" + team);
        logIn("manager");

        waitUntilDashboardLoaded();
        assertThat(browser.findElement(By.cssSelector("#escalations .message.error")).getText())
                .startsWith("Kon de escalaties niet laden").contains("500");
        assertThat(browser.findElements(By.cssSelector("#escalations tbody tr"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#wip tr[data-key='TRIAGE'] td:nth-child(2)")).getAttribute("textContent"))
                .as("work in progress still drawn").isEqualTo("4");
        assertThat(browser.findElement(By.cssSelector("#leadtimes tr[data-key='SIGNALEREN'] td:nth-child(2)"))
                .getAttribute("textContent")).as("lead times still drawn").isEqualTo("4");
        assertThat(browser.findElements(By.cssSelector("#signals tbody tr"))).as("flow still drawn").isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#summary dd[data-key='route']")).getText()).isEqualTo("20 / 26 (3 casussen)");
        assertThat(browser.findElements(By.cssSelector("#wip .message.error, #leadtimes .message.error, #flow .message.error")))
                .as("only the failing chart shows an error").isEmpty();
        assertThat(browser.findElement(By.id("status")).getText()).contains("1 van de 16 onderdelen");
    }

    @Test
    void aWijkcoachIsToldTheDashboardIsForManagers() {
        browser.get("http://localhost:" + port + "/dashboard");
        logIn("wijkcoach");

        new WebDriverWait(browser, Duration.ofSeconds(90))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Alleen managers"));
        assertThat(browser.findElements(By.cssSelector("#wip tr[data-key]"))).isEmpty();
    }

    /** Issue 18: a participant scores the nine themes in the browser; the manager then sees the aggregate. */
    @Test
    void aParticipantScoresTheNineThemesAndAManagerSeesTheResult() throws Exception {
        CurrentUser manager = new CurrentUser(TestUsers.sub("manager"), "manager", Set.of(Roles.MANAGER), null, null, null);
        UUID session = reflection.create(new ReflectionDtos.CreateSession(ScopeType.MUNICIPALITY, null, SessionForm.KWALITEITSSCAN,
                LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(5), manager.id(), null, null, null), manager).id();
        reflection.invite(session, new ReflectionDtos.InviteParticipant(TestUsers.sub("deelnemer"), Perspective.INWONER,
                "cliëntenraad"), manager);
        // Two more participants, so the theme reaches the minimum group size (3 in tests) and its scores are shown.
        List<CurrentUser> others = List.of("refl-browser-1", "refl-browser-2").stream()
                .map(name -> new CurrentUser(TestUsers.sub(name), name, Set.of(Roles.REFLECTIE_DEELNEMER), null, null, null))
                .toList();
        for (CurrentUser other : others) {
            reflection.invite(session, new ReflectionDtos.InviteParticipant(other.id(), Perspective.UITVOERING, "wijkcoach"), manager);
        }
        reflection.startScoring(session, manager);
        Map<ReflectionTheme, Integer> sameAsTheBrowser = new EnumMap<>(ReflectionTheme.class);
        for (ReflectionTheme theme : ReflectionTheme.values()) {
            sameAsTheBrowser.put(theme, theme == ReflectionTheme.SAMENSPEL ? 9 : 4);
        }
        for (CurrentUser other : others) {
            reflection.score(session, new ReflectionDtos.ScoresInput(sameAsTheBrowser), other);
        }

        browser.get("http://localhost:" + port + "/dashboard/reflectie.html?session=" + session);
        logIn("deelnemer");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='SAMENSPEL']")));
        assertThat(browser.findElements(By.cssSelector("#scoreForm fieldset"))).hasSize(9);
        assertThat(browser.findElement(By.cssSelector("#scoreForm")).getText()).contains("Samenspel",
                "Geef met een cijfer aan hoe vaak je knelpunten ervaart in het samenspel.");
        for (ReflectionTheme theme : ReflectionTheme.values()) {
            int score = theme == ReflectionTheme.SAMENSPEL ? 9 : 4;
            browser.findElement(By.cssSelector("input[name='" + theme.name() + "'][value='" + score + "']")).click();
        }
        browser.findElement(By.cssSelector("#scoreForm button[type='submit']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-scored", "true"));
        reflection.closeScoring(session, manager);

        browser.quit();
        browser();
        browser.get("http://localhost:" + port + "/dashboard/reflectie.html?session=" + session);
        logIn("manager");
        waitUntilDashboardLoaded();
        assertThat(browser.findElements(By.cssSelector("#scores tbody tr td")).stream().limit(7)
                .map(cell -> cell.getAttribute("textContent")).toList())
                .as("rank, theme, n, median, mean, distribution, verschil in beleving")
                .containsExactly("1", "Samenspel", "3", "9", "9", "0 0 0 0 0 0 0 0 3 0", "nee");
    }

    @Autowired
    ReflectionService reflection;

    /**
     * Waits until the dashboard says it has drawn everything ({@code data-loaded} on its body). The login page's body
     * goes away under the wait: Selenium reports that as a stale element, Chrome 156 also as a node that "does not
     * belong to the document" (a plain WebDriverException, seen once in a verify run); both mean "not yet", anything else fails.
     */
    private void waitUntilDashboardLoaded() {
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> {
            try {
                return "true".equals(driver.findElement(By.tagName("body")).getAttribute("data-loaded"));
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return false;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        });
    }

    private void logIn(String user) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("kc-login")).click();
    }

    private String seedTeamWithFourCasesInTriageAndThreeClosed() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String team = "team-browser-" + suffix;
        String wijk = "wijk-browser-" + suffix;
        jdbc.update("insert into team (id, name) values (?, ?)", team, "Browsertest " + suffix);
        jdbc.update("insert into wijk (id, name, team_id) values (?, ?, ?)", wijk, "Browserwijk", team);
        Instant opened = Instant.now().minus(Duration.ofDays(2));
        for (int i = 0; i < 4; i++) {
            UUID household = UUID.randomUUID();
            UUID caseId = UUID.randomUUID();
            jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Browser', ?, now())", household, wijk);
            jdbc.update("""
                    insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at)
                    values (?, ?, ?, 'OPEN', 'TRIAGE', ?, ?)
                    """, caseId, household, team, Timestamp.from(opened), Timestamp.from(opened));
            jdbc.update("insert into step_history (case_id, from_stage, to_stage, actor, moved_at) values (?, null, 'SIGNALEREN', 'test', ?)",
                    caseId, Timestamp.from(opened));
            jdbc.update("insert into step_history (case_id, from_stage, to_stage, actor, moved_at) values (?, 'SIGNALEREN', 'TRIAGE', 'test', ?)",
                    caseId, Timestamp.from(opened));
            jdbc.update("""
                    insert into signal (id, case_id, household_id, source_type, description, urgency, safety_concern, received_at, registered_by)
                    values (?, ?, ?, 'PARTNER', 'Browsertest', 'NORMAL', false, ?, 'test')
                    """, UUID.randomUUID(), caseId, household, Timestamp.from(opened));
        }
        Instant longAgo = Instant.now().minus(Duration.ofDays(45));
        for (int days : new int[] {10, 20, 30}) {
            UUID household = UUID.randomUUID();
            jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Browser', ?, now())", household, wijk);
            jdbc.update("""
                    insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at, closed_at)
                    values (?, ?, ?, 'CLOSED', 'AFGESLOTEN', ?, ?, ?)
                    """, UUID.randomUUID(), household, team, Timestamp.from(longAgo.plus(Duration.ofDays(days))),
                    Timestamp.from(longAgo), Timestamp.from(longAgo.plus(Duration.ofDays(days))));
        }
        return team;
    }

    /** The dev realm allows port 8080; this test's app runs on a random port, so it registers that one (admin API). */
    private void allowDashboardOnThisPort() throws Exception {
        String admin = json.readTree(post(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin")).get("access_token").asText();
        String clients = keycloak.baseUrl() + "/admin/realms/wijkroute/clients";
        JsonNode client = json.readTree(send(HttpRequest.newBuilder(URI.create(clients + "?clientId=wijkroute-dashboard"))
                .header("Authorization", "Bearer " + admin).GET().build())).get(0);
        ObjectNode updated = (ObjectNode) client;
        ((ArrayNode) updated.withArray("redirectUris")).add("http://localhost:" + port + "/dashboard/*");
        send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(updated))).build());
    }

    private String post(String url, String form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.uri() + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }
}
