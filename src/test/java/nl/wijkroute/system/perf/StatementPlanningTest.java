package nl.wijkroute.system.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import nl.wijkroute.system.paging.PageParams;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * How often PostgreSQL plans the route's statements once the service is warm (issue 14). A statement the driver
 * has server-prepared (pgjdbc, from its fifth execution on a connection) is planned once and its generic plan
 * reused; a statement sent unprepared, or one whose parameters make PostgreSQL prefer a custom plan each time,
 * is parsed and planned on every call. The route benchmark showed planning as a fifth of PostgreSQL's CPU per
 * API step (4.1 ms of 21 ms; the bare engine 0.5 ms): decision 0063 says which statements were planned every
 * time and why. pg_stat_statements with {@code track_planning} counts the plans; only the measured routes run
 * against this test's database (no job executor, no scheduled work).
 */
@TestPropertySource(properties = {
        "wijkroute.embedded-postgres.server-config[shared_preload_libraries]=pg_stat_statements",
        "wijkroute.embedded-postgres.server-config[pg_stat_statements.track_utility]=off",
        "wijkroute.embedded-postgres.server-config[pg_stat_statements.track_planning]=on",
        "wijkroute.embedded-postgres.server-config[pg_stat_statements.track]=all",
        // An automatic ANALYZE of the freshly filled tables would make PostgreSQL plan statements again mid-measure.
        "wijkroute.embedded-postgres.server-config[autovacuum]=off",
        // Two connections (a request's own and one for a REQUIRES_NEW inside it): each is warmed by the warm-up
        // routes. With the pool of ten, the thread could be handed a connection the warm-up had not used (the pool
        // still filling, a connection out for its keepalive), whose statements were then unprepared: the test failed
        // once in a full run for that reason, not for the code it checks.
        "spring.datasource.hikari.maximum-pool-size=2"})
// Its own database (other server settings): not kept for the rest of the run once measured.
@DirtiesContext
class StatementPlanningTest extends ApiTestSupport {

    /** Routes run before measuring: the route's repeated statements past pgjdbc's prepare threshold (5) on both connections. */
    private static final int WARM_UP_ROUTES = 10;
    /** Open cases before the routes, so the werkbak's first page is full and its total is counted on every call. */
    private static final int OPEN_CASES = PageParams.DEFAULT_SIZE;
    private static final int MEASURED_ROUTES = 8;
    /**
     * Plans one connection makes of a statement before it reuses a plan: pgjdbc sends its first four executions
     * unprepared (prepareThreshold 5), then PostgreSQL makes five custom plans and one generic plan. A measured route
     * may be served by the pool's other connection (the thread's preferred connection changes when Hikari's keepalive
     * or a nested transaction takes it out at the wrong moment), which then pays this once: the test failed in full
     * runs for that (planned 10 of 12 calls in three routes), not for the code it checks. Allowed once; a statement
     * planned on every call is planned far more often over the measured routes.
     */
    private static final int PLANS_OF_A_COLD_CONNECTION = 10;
    /**
     * The text of PostgreSQL's own foreign-key checks ({@code SELECT 1 FROM ONLY "public"."household" x WHERE "id" = $1
     * FOR KEY SHARE OF x}). The application does not send them: PostgreSQL prepares one per foreign key and connection
     * and keeps it for the session, and pg_stat_statements counts the checks of every foreign key to one table under
     * this one text. So the foreign keys to {@code household}, each still cold on a connection, add up to 6 plans each
     * in one line, past the allowance of a cold connection: the test failed in CI for that (18 plans in 32 checks),
     * not for the code it checks. They are printed, not asserted.
     */
    private static final Pattern FOREIGN_KEY_CHECK =
            Pattern.compile("^SELECT (1|\\$\\d+) FROM ONLY \\S+ x WHERE .* FOR KEY SHARE OF x$", Pattern.DOTALL);

    record Planned(String query, long calls, long plans) {
    }

    @Test
    void aWarmRouteReusesThePlansOfItsStatements() throws Exception {
        jdbc.execute("create extension if not exists pg_stat_statements");
        for (int i = 0; i < OPEN_CASES; i++) {
            openCaseInNoord();
        }
        for (int route = 0; route < WARM_UP_ROUTES; route++) {
            route();
        }
        jdbc.execute("select pg_stat_statements_reset()");
        for (int route = 0; route < MEASURED_ROUTES; route++) {
            route();
        }
        List<Planned> statements = jdbc.query("select query, calls, plans from pg_stat_statements"
                        + " where query not like '%pg_stat_statements%' order by plans desc, calls desc",
                (row, n) -> new Planned(row.getString(1), row.getLong(2), row.getLong(3)));
        long calls = statements.stream().mapToLong(Planned::calls).sum();
        long plans = statements.stream().mapToLong(Planned::plans).sum();
        System.out.printf("[planning] %d executions, %d plans (%.1f %%) in %d warm routes%n", calls, plans,
                100.0 * plans / calls, MEASURED_ROUTES);
        statements.stream().filter(statement -> statement.plans() > 0).forEach(statement -> System.out.printf(
                "[planning] %5d plans %5d calls  %s%n", statement.plans(), statement.calls(),
                statement.query().replaceAll("\\s+", " ").substring(0, Math.min(170, statement.query().replaceAll("\\s+", " ").length()))));
        // A statement the route runs several times is planned once per connection and then reused; one planned on
        // most of its executions is sent unprepared, or its parameters make PostgreSQL plan it anew every time.
        assertThat(statements).as("statements run at least twice per warm route and planned on more than half of"
                        + " their executions (decision 0063)")
                .filteredOn(statement -> !FOREIGN_KEY_CHECK.matcher(statement.query()).matches())
                .filteredOn(statement -> statement.calls() >= 2L * MEASURED_ROUTES && 2 * statement.plans() > statement.calls()
                        && statement.plans() > PLANS_OF_A_COLD_CONNECTION)
                .isEmpty();
    }

    /** The route the benchmark drives as far as vraagverheldering: signal, werkbak, case file, grid, claim, complete. */
    private void route() throws Exception {
        RequestPostProcessor coach = TestUsers.wijkcoach();
        MvcResult signal = postSignal(signal(newHousehold("noord")), TestUsers.frontoffice(), UUID.randomUUID().toString());
        assertThat(signal.getResponse().getStatus()).isEqualTo(201);
        UUID caseId = UUID.fromString(read(signal).get("caseId").asText());
        for (String step : List.of("triage", "vraagverheldering")) {
            assertThat(mvc.perform(get("/api/v1/tasks").with(coach)).andReturn().getResponse().getStatus()).isEqualTo(200);
            if (step.equals("vraagverheldering")) {
                assessFlaggedLeefgebieden(caseId);
            }
            Map<String, Object> input = step.equals("triage")
                    ? new LinkedHashMap<>(triage("FULL_ROUTE", "MULTIPLE", false, null))
                    : Map.of("outcome", "TO_PLAN", "realQuestion", "Grip op geld.");
            step(caseId, step, coach, input);
        }
    }
}
