package nl.wijkroute.system.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TableLock;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A request that waits on a lock held by other work gives up after the database's lock timeout and is answered 503
 * problem+json with Retry-After, with nothing written (decision 0070), instead of waiting, and holding its turn of the
 * admission (decision 0068), for as long as the lock lasts. The lock here is a migration's: ACCESS EXCLUSIVE on a
 * table the request reads or writes, held by another connection. That connection lets go after 8 s, so without a
 * lock timeout the request would come back then with 200 and the test fails on the status and the time.
 */
@TestPropertySource(properties = "wijkroute.database.lock-timeout=1s")
class LockTimeoutApiTest extends ApiTestSupport {

    private static final Duration HELD_FOR = Duration.ofSeconds(8);

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    private double countedBefore;

    @Test
    void thePooledSessionsCarryTheLockTimeout() {
        assertThat(jdbc.queryForObject("show lock_timeout", String.class)).isEqualTo("1s");
    }

    @Test
    void theCaseFileBehindAMigrationsTableLockIs503AfterTheLockTimeout() throws Exception {
        UUID caseId = openCaseInNoord();
        MvcResult result = whileLocked("support_case",
                () -> mvc.perform(get("/api/v1/cases/{id}", caseId).with(TestUsers.wijkcoach())).andReturn());
        assertLockNotGranted(result);
        // The lock gone, the same request is answered.
        assertThat(mvc.perform(get("/api/v1/cases/{id}", caseId).with(TestUsers.wijkcoach())).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    /** A claim runs the engine's command: its statements fail inside the engine, which wraps PostgreSQL's error. */
    @Test
    void aClaimBehindALockOnTheEnginesTasksIs503AndClaimsNothing() throws Exception {
        UUID caseId = openCaseInNoord();
        String taskId = openTask(caseId, "triage");
        MvcResult result = whileLocked("act_ru_task", () -> claim(taskId, TestUsers.wijkcoach()));
        assertLockNotGranted(result);
        assertThat(jdbc.queryForObject("select assignee_ from act_ru_task where id_ = ?", String.class, taskId)).isNull();
        assertThat(claim(taskId, TestUsers.wijkcoach()).getResponse().getStatus()).isEqualTo(200);
    }

    /** A new signal (Idempotency-Key) behind a lock: 503, nothing stored, and the same key then goes through. */
    @Test
    void aSignalBehindALockOnHouseholdsIs503AndTheSameKeyWorksAfterwards() throws Exception {
        Object body = signal(newHousehold("noord"));
        String key = UUID.randomUUID().toString();
        var before = rowCounts();
        MvcResult result = whileLocked("household", () -> postSignal(body, TestUsers.frontoffice(), key));
        assertLockNotGranted(result);
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(postSignal(body, TestUsers.frontoffice(), key).getResponse().getStatus()).isEqualTo(201);
    }

    /**
     * A refusal's access-log entry is written after the request's transaction, in one of its own: behind a lock on the
     * log it waits for the lock, as before decision 0070, instead of being given up after the lock timeout and lost
     * (Spring only logs what an after-completion callback throws).
     */
    @Test
    void aRefusalBehindALockOnTheLogWaitsAndIsWritten() throws Exception {
        UUID caseId = openCaseInNoord();
        long before = deniedEntries(caseId);
        MvcResult result = whileLockedFor("access_log", Duration.ofMillis(2500),
                () -> mvc.perform(get("/api/v1/cases/{id}", caseId).with(TestUsers.wijkcoach2())).andReturn());
        assertThat(result.getResponse().getStatus()).as("another team's case: not found").isEqualTo(404);
        assertThat(deniedEntries(caseId)).isEqualTo(before + 1);
    }

    private long deniedEntries(UUID caseId) {
        return jdbc.queryForObject("select count(*) from access_log where case_id = ? and outcome = 'DENIED'",
                Long.class, caseId);
    }

    /** Runs the call while another connection holds ACCESS EXCLUSIVE on the table (at most HELD_FOR); checks it was quick. */
    private MvcResult whileLocked(String table, TableLock.Work<MvcResult> call) throws Exception {
        countedBefore = meters.counter("wijkroute.database.lock.not.granted").count();
        long start = System.nanoTime();
        MvcResult result = whileLockedFor(table, HELD_FOR, call);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("the request gave up after the lock timeout (1 s), not when the lock was let go")
                .isLessThan(HELD_FOR.minusSeconds(3));
        return result;
    }

    /** Runs the call while another connection holds ACCESS EXCLUSIVE on the table, let go after {@code heldFor}. */
    private MvcResult whileLockedFor(String table, Duration heldFor, TableLock.Work<MvcResult> call) throws Exception {
        return TableLock.heldFor(dataSource, "lock table " + table + " in access exclusive mode", heldFor, call);
    }

    private void assertLockNotGranted(MvcResult result) throws Exception {
        assertProblem(result, 503);
        assertThat(meters.counter("wijkroute.database.lock.not.granted").count()).isGreaterThan(countedBefore);
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("1");
        assertThat(read(result).get("detail").asText()).contains("bezet").contains("niets opgeslagen");
    }
}
