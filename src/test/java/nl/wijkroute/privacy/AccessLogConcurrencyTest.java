package nl.wijkroute.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import nl.wijkroute.privacy.accesslog.AccessLogSealer;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** The access log on the request path: no lock shared by all requests, one pooled connection per read. */
class AccessLogConcurrencyTest extends ApiTestSupport {

    @Autowired
    DataSource dataSource;

    @Autowired
    AccessLogSealer sealer;

    @Test
    void aTransactionHoldingAnUnfinishedEntryDoesNotHoldUpAnotherWriter() throws Exception {
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            insertEntry(held, "aangehouden");
            // Another request writes its entry and commits while the first transaction is still open.
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    insertEntry(connection, "gelijktijdig");
                    connection.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                other.get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                held.rollback();
                other.get(30, TimeUnit.SECONDS);
                throw new AssertionError("the second insert waited for the first transaction: a lock shared by all writers");
            }
            held.rollback();
        }
        assertThat(jdbc.queryForObject("select count(*) from access_log where purpose = 'gelijktijdig'", Integer.class))
                .isPositive();
    }

    @Test
    void anEntryCommittedAfterAHigherIdWasSealedIsChainedByTheNextSeal() throws Exception {
        long late;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            late = insertEntry(slow, "laat vastgelegd");
            openCaseInNoord();
            long newer = jdbc.queryForObject("select max(id) from access_log", Long.class);
            assertThat(newer).isGreaterThan(late);
            assertThat(sealer.seal().orElseThrow().id()).as("sealed up to the newest committed entry").isEqualTo(newer);
            slow.commit();
        }
        AccessLogSealer.Seal head = sealer.seal().orElseThrow();
        assertThat(head.id()).as("the late entry is chained after the entries sealed before it").isEqualTo(late);
        assertThat(jdbc.queryForObject("select count(*) from access_log l "
                + "where not exists (select 1 from access_log_chain c where c.entry_id = l.id)", Integer.class)).isZero();
        assertThat(getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer()).get("intact").asBoolean()).isTrue();
    }

    @Test
    void aReadAndItsEntryNeedOnePooledConnection() throws Exception {
        UUID caseId = openCaseInNoord();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        long timeout = pool.getConnectionTimeout();
        int entriesBefore = entriesOf(caseId);
        List<Connection> taken = new ArrayList<>();
        MvcResult single;
        MvcResult list;
        try {
            pool.getHikariConfigMXBean().setConnectionTimeout(3_000);
            while (taken.size() < pool.getMaximumPoolSize() - 1) {
                taken.add(pool.getConnection());
            }
            // One connection left: a read that needs a second one for its log entry would wait and fail.
            single = mvc.perform(get("/api/v1/cases/" + caseId).with(TestUsers.wijkcoach())).andReturn();
            list = mvc.perform(get("/api/v1/cases?wijk=noord").with(TestUsers.wijkcoach())).andReturn();
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
            pool.getHikariConfigMXBean().setConnectionTimeout(timeout);
        }
        assertThat(single.getResponse().getStatus()).as(single.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(list.getResponse().getStatus()).as(list.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(entriesOf(caseId)).as("the read's entry was written").isEqualTo(entriesBefore + 1);
    }

    private int entriesOf(UUID caseId) {
        return jdbc.queryForObject("select count(*) from access_log where case_id = ? and username = 'wijkcoach' "
                + "and action = 'READ' and data_category = 'CASE_FILE'", Integer.class, caseId);
    }

    private static long insertEntry(Connection connection, String purpose) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into access_log (logged_at, username, user_role, data_category, action, purpose, outcome)
                values (clock_timestamp(), 'test', 'wijkteam', 'CASE_FILE', 'READ', ?, 'GRANTED') returning id""")) {
            insert.setString(1, purpose);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }
}
