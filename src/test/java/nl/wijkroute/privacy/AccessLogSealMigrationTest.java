package nl.wijkroute.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.wijkroute.support.ApiTestSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V65 moves the seals made in the entry rows (V27) into access_log_chain (decision 0059). On a database of its own
 * in the test's PostgreSQL, migrated to V63, entries are written and sealed the old way, one left unsealed; after
 * the migration every old seal is in the chain unchanged and verifies, and the unsealed entry is queued and sealed.
 */
class AccessLogSealMigrationTest extends ApiTestSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void theSealsMadeInTheEntryRowsMoveUnchangedAndStillVerify() throws Exception {
        String database = "access_log_legacy_" + System.nanoTime();
        jdbc.execute("create database " + database);
        try {
            String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl()
                    .replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
            DriverManagerDataSource legacyDataSource = new DriverManagerDataSource(url, "postgres", "");
            JdbcTemplate legacy = new JdbcTemplate(legacyDataSource);
            Flyway.configure().dataSource(legacyDataSource).locations("classpath:db/migration").target("63").load().migrate();

            UUID household = UUID.randomUUID();
            legacy.update("""
                    insert into access_log (username, user_role, organisation, household_id, case_id, data_category, action,
                                            purpose, outcome, user_id)
                    select 'wijkcoach', 'wijkteam', 'team-noord', ?, gen_random_uuid(), 'CASE_FILE', 'READ', 'Regie ' || n,
                           'GRANTED', 'sub-' || n
                    from generate_series(1, 5) n""", household);
            legacy.update("""
                    insert into access_log (username, user_role, data_category, action, purpose, outcome, household_ids, case_ids)
                    values ('wijkcoach', 'wijkteam', 'CASE_FILE', 'READ', 'Werkbak', 'GRANTED', array[?, gen_random_uuid()],
                            array[gen_random_uuid()])""", household);
            legacy.queryForMap("select * from access_log_seal(100)");
            long unsealed = legacy.queryForObject("""
                    insert into access_log (username, user_role, data_category, action, purpose, outcome)
                    values ('wijkcoach', 'wijkteam', 'CASE_FILE', 'READ', 'Na de laatste verzegeling', 'GRANTED')
                    returning id""", Long.class);
            List<Map<String, Object>> sealedBefore = legacy.queryForList("""
                    select id as entry_id, chain_position, previous_hash, hash from access_log
                    where chain_position is not null order by chain_position""");
            assertThat(sealedBefore).hasSize(6);

            Flyway.configure().dataSource(legacyDataSource).locations("classpath:db/migration").load().migrate();

            assertThat(legacy.queryForList("""
                    select entry_id, chain_position, previous_hash, hash from access_log_chain order by chain_position"""))
                    .as("every seal moved as it was").isEqualTo(sealedBefore);
            assertThat(legacy.queryForList("select entry_id from access_log_unsealed", Long.class)).containsExactly(unsealed);
            assertThat(legacy.queryForMap("select * from access_log_seal(100, false)"))
                    .containsEntry("sealed", 1).containsEntry("head_id", unsealed);
            assertThat(legacy.queryForObject("""
                    select count(*) from (
                        select c.hash, c.previous_hash, access_log_digest(l, c.previous_hash) as recomputed,
                               lag(c.hash, 1, repeat('0', 64)::char(64)) over (order by c.chain_position) as expected_previous
                        from access_log_chain c join access_log l on l.id = c.entry_id) chain
                    where hash = recomputed and previous_hash = expected_previous""", Integer.class))
                    .as("old seals and the new one verify, linked in one chain").isEqualTo(7);
        } finally {
            jdbc.execute("drop database if exists " + database + " with (force)");
        }
    }
}
