package nl.wijkroute.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

class StagnationDetectionApiTest extends ApiTestSupport {

    @Autowired
    StagnationNorms norms;

    @Autowired
    StagnationSignalService stagnationSignals;

    @Autowired
    StagnationSignalRepository signalRepository;

    @Autowired
    StagnationSignalMapper signalMapper;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @Test
    void aCaseStandingInTriageBeyondItsNormIsSignalledOnceAndTheSignalGoesWhenItMoves() throws Exception {
        UUID caseId = openCaseStandingInTriageBeyondItsNorm();

        detect();
        detect();

        List<JsonNode> signals = signalsFor(caseId, "team-noord");
        assertThat(signals).extracting(s -> s.get("kind").asText()).containsExactly("TIME_IN_STEP");
        assertThat(signals.get(0).get("description").asText()).contains("TRIAGE").contains("norm 5 dagen");
        assertThat(signalsFor(caseId, "team-zuid")).isEmpty();

        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        assertThat(signalsFor(caseId, null)).isEmpty();
    }

    @Test
    void aCaseWithThreeReasonBearingBackMovesIsSignalledOnce() throws Exception {
        UUID caseId = openCaseInNoord();
        for (int round = 0; round < 3; round++) {
            step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
            step(caseId, "vraagverheldering", TestUsers.wijkcoach(), Map.of("outcome", "BACK_TO_TRIAGE",
                    "reason", "Nieuwe informatie van de huisarts"));
        }

        detect();
        detect();

        assertThat(signalsFor(caseId, null)).extracting(s -> s.get("kind").asText()).containsExactly("REPEATED_BACK_MOVES");
        assertThat(signalsFor(caseId, null).get(0).get("description").asText()).contains("3 keer");
        assertThat(jdbc.queryForObject("select count(*) from step_history where case_id = ? and back_move", Integer.class, caseId))
                .isEqualTo(3);
    }

    @Test
    void twoBackMovesStayBelowTheLimit() throws Exception {
        UUID caseId = openCaseInNoord();
        for (int round = 0; round < 2; round++) {
            step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
            step(caseId, "vraagverheldering", TestUsers.wijkcoach(), Map.of("outcome", "BACK_TO_TRIAGE",
                    "reason", "Nieuwe informatie van de huisarts"));
        }

        detect();

        assertThat(signalsFor(caseId, null)).extracting(s -> s.get("kind").asText()).doesNotContain("REPEATED_BACK_MOVES");
    }

    @Test
    void theOrdinaryEvaluatieRegieCycleIsNoSignOfStagnation() throws Exception {
        UUID caseId = caseInRegie();
        var coach = TestUsers.wijkcoach();
        for (int cycle = 1; cycle <= 4; cycle++) {
            step(caseId, "regie", coach, outcome("TO_EVALUATIE", null));
            step(caseId, "evaluatie", coach, Map.of("outcome", "CONTINUE",
                    "nextEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(cycle).toString(), "reason", "Het gaat de goede kant op."));
        }

        detect();

        assertThat(signalsFor(caseId, null)).extracting(s -> s.get("kind").asText()).doesNotContain("REPEATED_BACK_MOVES");
    }

    @Test
    void theDatabaseRefusesASecondOpenSignalForTheSameCaseAndCause() throws Exception {
        UUID caseId = openCaseInNoord();
        String insert = "insert into stagnation_signal (id, case_id, kind, reference_id, description, raised_at) "
                + "values (gen_random_uuid(), ?, 'TIME_IN_STEP', ?, 'Staat stil.', now())";
        jdbc.update(insert, caseId, caseId);

        assertThatThrownBy(() -> jdbc.update(insert, caseId, caseId)).isInstanceOf(DataIntegrityViolationException.class);

        jdbc.update("update stagnation_signal set resolved_at = now() where case_id = ?", caseId);
        jdbc.update(insert, caseId, caseId);
        assertThat(jdbc.queryForObject("select count(*) from stagnation_signal where case_id = ?", Integer.class, caseId))
                .as("a resolved signal does not block a new one").isEqualTo(2);
    }

    @Test
    void detectionIsOneStatementPerCauseHoweverManyCasesAreOpen() throws Exception {
        openCaseStandingInTriageBeyondItsNorm();
        AtomicInteger statements = new AtomicInteger();
        // The detection raises through the signal service (the one way signals are raised): count its statements.
        StagnationDetector counted = new StagnationDetector(norms, new StagnationSignalService(signalRepository, clock,
                new JdbcTemplate(countingStatements(dataSource, statements)), signalMapper), clock);

        int raisedForOne = counted.detect();
        int statementsForOne = statements.getAndSet(0);
        for (int i = 0; i < 20; i++) {
            openCaseStandingInTriageBeyondItsNorm();
        }
        int raisedForTwenty = counted.detect();

        assertThat(raisedForOne).isPositive();
        assertThat(raisedForTwenty).isGreaterThanOrEqualTo(20);
        assertThat(statements.get()).isEqualTo(statementsForOne).isLessThanOrEqualTo(2);
    }

    /** A DataSource that counts the statements prepared on its connections. */
    private static DataSource countingStatements(DataSource target, AtomicInteger statements) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                                statements.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    @Test
    void onlyProcesregisseursSeeSignalsAndOnlyProcesregisseursAndAdminsRunDetection() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/stagnation-signals").with(TestUsers.wijkcoach())).andReturn(), 403);
        // Managers count signals on the dashboard; the list names cases, which is casework.
        assertProblem(mvc.perform(get("/api/v1/stagnation-signals").with(TestUsers.manager())).andReturn(), 403);
        assertProblem(mvc.perform(post("/api/v1/stagnation-signals/detect").with(TestUsers.manager())).andReturn(), 403);
        assertProblem(mvc.perform(post("/api/v1/stagnation-signals/" + UUID.randomUUID() + "/escalate")
                .with(TestUsers.procesregisseur())).andReturn(), 404);
    }

    @Autowired
    StagnationDetector detector;

    /**
     * The daily run the scheduler starts, through the bean as the scheduler calls it (ShedLock's proxy included). It
     * called {@code detect()} on itself, past the proxy that opens its transaction, so the signal service's mandatory
     * transaction was missing: every scheduled run failed with IllegalTransactionStateException, and stagnation was
     * only ever detected when a procesregisseur asked for it.
     */
    @Test
    void theScheduledDailyRunSignalsACaseBeyondItsNorm() throws Exception {
        UUID caseId = openCaseStandingInTriageBeyondItsNorm();
        // Another test's run may hold the cluster's lock for its minute (lockAtLeastFor): as if it had expired.
        jdbc.update("update shedlock set lock_until = now() - interval '1 second' where name = 'stagnation-detection'");

        detector.detectOnSchedule();

        assertThat(signalsFor(caseId, "team-noord")).extracting(s -> s.get("kind").asText()).containsExactly("TIME_IN_STEP");
    }

    /** A case in triage for six days, one past triage's norm of five. */
    private UUID openCaseStandingInTriageBeyondItsNorm() throws Exception {
        UUID caseId = openCaseInNoord();
        jdbc.update("update support_case set stage_entered_at = now() - interval '6 days' where id = ?", caseId);
        return caseId;
    }

    private void detect() throws Exception {
        assertThat(mvc.perform(post("/api/v1/stagnation-signals/detect").with(TestUsers.procesregisseur())).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    private List<JsonNode> signalsFor(UUID caseId, String team) throws Exception {
        JsonNode all = allItems("/api/v1/stagnation-signals" + (team == null ? "" : "?team=" + team), TestUsers.procesregisseur());
        return all.findParents("caseId").stream().filter(s -> s.get("caseId").asText().equals(caseId.toString())).toList();
    }
}
