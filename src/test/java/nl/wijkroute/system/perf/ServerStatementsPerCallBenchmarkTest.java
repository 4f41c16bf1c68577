package nl.wijkroute.system.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The statements PostgreSQL itself executes per call of the route (pg_stat_statements' calls, utility statements
 * such as BEGIN/COMMIT not counted), beside {@link RequestStatementBudgetTest}'s count at the DataSource: there a JDBC
 * batch is one round trip whatever its rows, here every row of an insert batch is an execution of its own unless the
 * driver rewrites the batch into multi-row inserts (decision 0060). Nothing else runs against the test's database (no
 * job executor, no scheduled work), so the server-wide count between two calls is the call's. Same route as the budget
 * test. Run: {@code ./mvnw -Pbenchmark test -Dtest=ServerStatementsPerCallBenchmarkTest}; numbers in docs/performance.md.
 */
@Tag("benchmark")
@TestPropertySource(properties = {
        "wijkroute.embedded-postgres.server-config[shared_preload_libraries]=pg_stat_statements",
        "wijkroute.embedded-postgres.server-config[pg_stat_statements.track_utility]=off"})
class ServerStatementsPerCallBenchmarkTest extends ApiTestSupport {

    @Test
    void statementsPostgresqlExecutesPerCallOfTheRoute() throws Exception {
        jdbc.execute("create extension if not exists pg_stat_statements");
        RequestPostProcessor coach = TestUsers.wijkcoach();
        UUID warmUp = openCaseInNoord();
        step(warmUp, "triage", coach, triage("FULL_ROUTE", "MULTIPLE", false, null));

        Map<String, Long> executed = new LinkedHashMap<>();
        MvcResult signal = call(executed, "POST /signals", () -> postSignal(signal(newHousehold("noord")),
                TestUsers.frontoffice(), UUID.randomUUID().toString()));
        assertThat(signal.getResponse().getStatus()).isEqualTo(201);
        UUID caseId = UUID.fromString(read(signal).get("caseId").asText());
        call(executed, "GET /cases/{id}", () -> mvc.perform(get("/api/v1/cases/" + caseId).with(coach)).andReturn());
        String triageTask = openTask(caseId, "triage");
        call(executed, "claim triage", () -> claim(triageTask, coach));
        Map<String, Object> triage = new LinkedHashMap<>(triage("FULL_ROUTE", "MULTIPLE", false, null));
        triage.put("step", "triage");
        call(executed, "complete triage", () -> complete(triageTask, coach, triage));
        assessFlaggedLeefgebieden(caseId);
        String vraagTask = openTask(caseId, "vraagverheldering");
        call(executed, "claim vraagverheldering", () -> claim(vraagTask, coach));
        MvcResult completed = call(executed, "complete vraagverheldering", () -> complete(vraagTask, coach,
                Map.of("step", "vraagverheldering", "outcome", "TO_PLAN", "realQuestion", "Grip op geld.")));
        assertThat(completed.getResponse().getStatus()).isEqualTo(204);

        System.out.println("[server statements per call] " + executed);
        assertThat(executed.values()).allSatisfy(count -> assertThat(count).isPositive());
    }

    private interface Call {
        MvcResult perform() throws Exception;
    }

    private MvcResult call(Map<String, Long> executed, String name, Call call) throws Exception {
        jdbc.execute("select pg_stat_statements_reset()");
        MvcResult result = call.perform();
        // The reset itself and this query are pg_stat_statements' own: not counted.
        Long calls = jdbc.queryForObject("select coalesce(sum(calls), 0)::bigint from pg_stat_statements"
                + " where query not like '%pg_stat_statements%'", Long.class);
        executed.put(name, calls);
        return result;
    }
}
