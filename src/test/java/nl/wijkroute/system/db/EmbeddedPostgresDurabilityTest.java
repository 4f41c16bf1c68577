package nl.wijkroute.system.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded PostgreSQL that `./mvnw spring-boot:run` keeps in data/ survives a power loss: fsync
 * and synchronous_commit are on unless a profile says otherwise, and only the test profile does.
 */
class EmbeddedPostgresDurabilityTest extends ApiTestSupport {

    @Test
    void theDefaultSettingsAsDevUsesThemRunADurableServer(@TempDir Path dataDir) throws Exception {
        // Bound like the dev profile binds them: only enabled, data dir and port are set.
        EmbeddedPostgresProperties dev = new Binder(new MapConfigurationPropertySource(Map.of(
                "wijkroute.embedded-postgres.enabled", "true",
                "wijkroute.embedded-postgres.data-dir", dataDir.resolve("postgres").toString())))
                .bind("wijkroute.embedded-postgres", EmbeddedPostgresProperties.class).get();
        assertThat(dev.durable()).isTrue();

        try (EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.builder(dev).start()) {
            JdbcTemplate server = new JdbcTemplate(postgres.getPostgresDatabase());
            assertThat(server.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(server.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        }
    }

    @Test
    void theTestProfileKeepsItsThrowAwayDatabaseFast() {
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("off");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("off");
    }
}
