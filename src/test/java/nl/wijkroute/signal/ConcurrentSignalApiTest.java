package nl.wijkroute.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.Bsns;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signals that arrive at the same moment for one household. Each request runs in its own committed
 * transaction (no @Transactional on the test), as it would behind the API: none of them may be
 * refused because another one came in at the same time.
 */
class ConcurrentSignalApiTest extends ApiTestSupport {

    private static final int SIGNALS = 10;

    @Test
    void tenSimultaneousSignalsForAKnownHouseholdWhoseCaseWasClosedAreAllStoredOnOneNewCase() throws Exception {
        String bsn = Bsns.random();
        JsonNode first = read(postSignal(signal(newHousehold("noord", member("Anna", "de Vries", "1985-03-12", bsn))),
                TestUsers.frontoffice(), UUID.randomUUID().toString()));
        UUID closedCase = UUID.fromString(first.get("caseId").asText());
        String householdId = first.get("householdId").asText();
        step(closedCase, "triage", TestUsers.wijkcoach(), triage("CLOSE_NO_HELP", "NONE", false, "Advies gegeven."));
        assertThat(getJson("/api/v1/cases/" + closedCase, TestUsers.wijkcoach()).get("status").asText()).isEqualTo("CLOSED");

        // Half of the partners know the household's id, the other half only a member's BSN.
        List<MvcResult> results = simultaneously(i -> {
            Map<String, Object> body;
            if (i % 2 == 0) {
                body = signal(null);
                body.remove("household");
                body.put("householdId", householdId);
            } else {
                body = signal(newHousehold("noord", member("Anna", "de Vries", "1985-03-12", bsn)));
            }
            return postSignal(body, user(i), UUID.randomUUID().toString());
        });

        assertAllStoredOnOneNewCase(results, UUID.fromString(householdId), closedCase);
    }

    @Test
    void tenSimultaneousFirstSignalsForANewHouseholdRegisterItOnceWithOneCase() throws Exception {
        String bsn = Bsns.random();

        List<MvcResult> results = simultaneously(i -> postSignal(
                signal(newHousehold("noord", member("Sem", "Jansen", "1990-07-01", bsn))),
                user(i), UUID.randomUUID().toString()));

        assertThat(results).allSatisfy(result -> assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString()).isEqualTo(201));
        assertThat(jdbc.queryForObject("select count(*) from household_member where bsn = ?", Integer.class, bsn))
                .isEqualTo(1);
        UUID householdId = jdbc.queryForObject("select household_id from household_member where bsn = ?", UUID.class, bsn);
        assertAllStoredOnOneNewCase(results, householdId, null);
    }

    private void assertAllStoredOnOneNewCase(List<MvcResult> results, UUID householdId, UUID closedCase) throws Exception {
        assertThat(results).allSatisfy(result -> assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString()).isEqualTo(201));
        List<JsonNode> bodies = new ArrayList<>();
        for (MvcResult result : results) {
            bodies.add(read(result));
        }
        List<UUID> openCases = jdbc.queryForList("select id from support_case where household_id = ? and status <> 'CLOSED'",
                UUID.class, householdId);
        assertThat(openCases).hasSize(1);
        UUID newCase = openCases.get(0);
        assertThat(newCase).isNotEqualTo(closedCase);
        // Who may read the case is told which one it is; the procesregisseur (no escalation here) gets a receipt.
        List<JsonNode> told = bodies.stream().filter(body -> body.has("caseId")).toList();
        assertThat(told).isNotEmpty().allSatisfy(body -> {
            assertThat(body.get("caseId").asText()).isEqualTo(newCase.toString());
            assertThat(body.get("householdId").asText()).isEqualTo(householdId.toString());
        });
        assertThat(told).filteredOn(body -> body.get("newCase").asBoolean()).hasSizeLessThanOrEqualTo(1);
        assertThat(bodies).hasSize(SIGNALS).allSatisfy(body -> assertThat(body.has("signalId")).isTrue());
        assertThat(jdbc.queryForObject("select count(*) from signal where case_id = ?", Integer.class, newCase))
                .isEqualTo(SIGNALS);
        assertThat(jdbc.queryForObject("select count(*) from support_case where household_id = ? and status <> 'CLOSED'",
                Integer.class, householdId)).isEqualTo(1);
        // One route for the new case: a single triage task.
        assertThat(jdbc.queryForObject("select count(*) from act_ru_task t join act_ru_execution e on t.proc_inst_id_ = e.id_ "
                + "where e.business_key_ = ?", Integer.class, newCase.toString())).isEqualTo(1);
    }

    private static RequestPostProcessor user(int i) {
        return switch (i % 3) {
            case 0 -> TestUsers.frontoffice();
            case 1 -> TestUsers.wijkcoach();
            default -> TestUsers.procesregisseur();
        };
    }

    private interface Request {
        MvcResult send(int i) throws Exception;
    }

    /** Sends the requests from {@value #SIGNALS} threads released at the same moment. */
    private static List<MvcResult> simultaneously(Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SIGNALS);
        try {
            CyclicBarrier start = new CyclicBarrier(SIGNALS);
            List<Future<MvcResult>> futures = new ArrayList<>();
            for (int i = 0; i < SIGNALS; i++) {
                int n = i;
                Callable<MvcResult> call = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return request.send(n);
                };
                futures.add(pool.submit(call));
            }
            List<MvcResult> results = new ArrayList<>();
            for (Future<MvcResult> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
