package nl.wijkroute.operations;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.List;
import java.util.Map;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestTokens;
import nl.wijkroute.support.TestUsers;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the admin's Cockpit session may do with the engine: read, run Cockpit's own queries, set job retries; every
 * other call to the engine or webapp REST is refused (an allow-list, decision 0042). MockMvc has no webapp servlets,
 * so an allowed call ends in MVC's 404 here: what counts is that the chain let it through (not 403, no redirect).
 */
class CockpitRulesTest extends ApiTestSupport {

    private static final String ENGINE = "/camunda/api/engine/engine/default/";
    private static final String PLUGIN = "/camunda/api/cockpit/plugin/base/default/";

    @Test
    void theAdminsSessionReadsRunsCockpitsQueriesAndRetriesJobs() throws Exception {
        List<Call> allowed = List.of(
                new Call(HttpMethod.GET, ENGINE + "process-definition/count"),
                new Call(HttpMethod.GET, ENGINE + "incident"),
                new Call(HttpMethod.GET, ENGINE + "process-instance/abc"),
                new Call(HttpMethod.GET, "/camunda/api/admin/auth/user/default"),
                new Call(HttpMethod.POST, ENGINE + "process-instance"),
                new Call(HttpMethod.POST, ENGINE + "process-instance/count"),
                new Call(HttpMethod.POST, ENGINE + "variable-instance/count"),
                new Call(HttpMethod.POST, ENGINE + "history/activity-instance"),
                new Call(HttpMethod.POST, ENGINE + "job/count"),
                new Call(HttpMethod.POST, PLUGIN + "process-instance"),
                new Call(HttpMethod.POST, PLUGIN + "incident/count"),
                new Call(HttpMethod.POST, PLUGIN + "process-definition/abc/called-process-definitions"),
                new Call(HttpMethod.PUT, ENGINE + "job/abc/retries"),
                new Call(HttpMethod.PUT, ENGINE + "job-definition/abc/retries"),
                new Call(HttpMethod.POST, ENGINE + "job/retries"));
        SoftAssertions softly = new SoftAssertions();
        for (Call call : allowed) {
            softly.assertThat(status(call, operator("admin"))).as(call.toString()).isNotIn(302, 401, 403);
        }
        softly.assertAll();
    }

    @Test
    void everyOtherCallOfTheAdminsSessionIsRefused() throws Exception {
        List<Call> refused = List.of(
                new Call(HttpMethod.POST, ENGINE + "deployment/create"),
                new Call(HttpMethod.DELETE, ENGINE + "deployment/abc"),
                new Call(HttpMethod.POST, ENGINE + "process-definition/key/routekaart/start"),
                new Call(HttpMethod.POST, ENGINE + "task/abc/complete"),
                new Call(HttpMethod.POST, ENGINE + "task/abc/submit-form"),
                new Call(HttpMethod.POST, ENGINE + "task/abc/claim"),
                new Call(HttpMethod.PUT, ENGINE + "task/abc/variables/x"),
                new Call(HttpMethod.PUT, ENGINE + "process-instance/abc/variables/x"),
                new Call(HttpMethod.POST, ENGINE + "process-instance/abc/variables"),
                new Call(HttpMethod.POST, ENGINE + "execution/abc/localVariables"),
                new Call(HttpMethod.POST, ENGINE + "process-instance/abc/modification"),
                new Call(HttpMethod.DELETE, ENGINE + "process-instance/abc"),
                new Call(HttpMethod.POST, ENGINE + "process-instance/delete"),
                new Call(HttpMethod.PUT, ENGINE + "process-instance/abc/suspended"),
                new Call(HttpMethod.POST, ENGINE + "migration/execute"),
                new Call(HttpMethod.POST, ENGINE + "message"),
                new Call(HttpMethod.POST, ENGINE + "signal"),
                new Call(HttpMethod.POST, ENGINE + "external-task/fetchAndLock"),
                new Call(HttpMethod.POST, ENGINE + "decision-definition/key/x/evaluate"),
                new Call(HttpMethod.DELETE, ENGINE + "batch/abc"),
                new Call(HttpMethod.POST, ENGINE + "job/abc/execute"),
                new Call(HttpMethod.PUT, ENGINE + "job/abc/suspended"),
                new Call(HttpMethod.PUT, ENGINE + "job/abc/duedate"),
                new Call(HttpMethod.PUT, ENGINE + "job-definition/abc/suspended"),
                new Call(HttpMethod.POST, ENGINE + "user/create"),
                new Call(HttpMethod.POST, ENGINE + "group/create"),
                new Call(HttpMethod.POST, ENGINE + "authorization/create"),
                new Call(HttpMethod.POST, ENGINE + "tenant/create"),
                new Call(HttpMethod.POST, ENGINE + "filter/create"),
                new Call(HttpMethod.POST, ENGINE + "incident/abc/annotation"),
                new Call(HttpMethod.POST, ENGINE + "process-instance/"),
                new Call(HttpMethod.PATCH, ENGINE + "job/abc/retries"),
                new Call(HttpMethod.POST, PLUGIN + "process-instance/abc"),
                new Call(HttpMethod.POST, "/camunda/api/admin/plugin/adminPlugins/default/x"),
                new Call(HttpMethod.POST, "/camunda/api/admin/setup/default/user/create"),
                new Call(HttpMethod.POST, "/camunda/api/admin/auth/user/default/login/cockpit"),
                new Call(HttpMethod.GET, "/camunda/app/tasklist/default/"),
                new Call(HttpMethod.GET, "/camunda/app/admin/default/"),
                new Call(HttpMethod.GET, "/camunda/api/tasklist/plugin/x"));
        SoftAssertions softly = new SoftAssertions();
        for (Call call : refused) {
            softly.assertThat(status(call, operator("admin"))).as(call.toString()).isEqualTo(403);
        }
        softly.assertAll();
    }

    @Test
    void withoutAnAdminsSessionNothingOfTheEngineAnswers() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        Call read = new Call(HttpMethod.GET, ENGINE + "process-definition/count");
        softly.assertThat(status(read, operator("wijkteam"))).as("a worker's session").isEqualTo(403);
        softly.assertThat(status(read, TestUsers.admin())).as("the API's authentication is no Cockpit login").isEqualTo(403);
        softly.assertThat(mvc.perform(request(read.method(), read.path()).header("Authorization", "Bearer "
                + TestTokens.sign(Map.of("sub", TestUsers.sub("admin"))))).andReturn().getResponse().getRedirectedUrl())
                .as("a bearer token is not read here: off to Keycloak").endsWith("/oauth2/authorization/keycloak");
        softly.assertThat(mvc.perform(request(read.method(), read.path())).andReturn().getResponse().getRedirectedUrl())
                .as("no login: off to Keycloak").endsWith("/oauth2/authorization/keycloak");
        softly.assertAll();
    }

    @Test
    void cockpitsOwnPageFilesAreNotServedOutsideItsLogin() throws Exception {
        // The webapp's webjar is on the classpath for /camunda; the API chain serves /webjars/** for the dashboard's
        // Chart.js, so without its own rule Cockpit's pages would load there without any login.
        int cockpitPage = mvc.perform(request(HttpMethod.GET, "/webjars/camunda/app/cockpit/index.html"))
                .andReturn().getResponse().getStatus();
        int dashboardScript = mvc.perform(request(HttpMethod.GET, "/webjars/chart.js/4.5.1/dist/chart.umd.min.js"))
                .andReturn().getResponse().getStatus();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(cockpitPage).as("Cockpit's page without a login").isIn(401, 403);
        softly.assertThat(dashboardScript).as("the dashboard's script stays public").isEqualTo(200);
        softly.assertAll();
    }

    private int status(Call call, RequestPostProcessor who) throws Exception {
        return mvc.perform(request(call.method(), call.path()).with(who).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse().getStatus();
    }

    /** A browser session after the Keycloak login, with the roles the access token carried. */
    static RequestPostProcessor operator(String role) {
        return oidcLogin().idToken(token -> token.subject(TestUsers.sub(role)).claim("preferred_username", role))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private record Call(HttpMethod method, String path) {
    }
}
