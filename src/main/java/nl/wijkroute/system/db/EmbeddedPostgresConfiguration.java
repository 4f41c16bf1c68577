package nl.wijkroute.system.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.wijkroute.system.StartupProblem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * A real PostgreSQL 17, started in-process from the zonky binaries. It replaces the DataSource
 * only when enabled, so production configuration is untouched.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wijkroute.embedded-postgres.enabled", havingValue = "true")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        return builder(properties).start();
    }

    /** The server as configured; package-visible so a test can start it with other properties. */
    static EmbeddedPostgres.Builder builder(EmbeddedPostgresProperties properties) throws IOException {
        // Spring stops it (destroyMethod) after the engine and the pool; zonky's own JVM hook would
        // race Spring's and pull the database away from the engine while it is still closing.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                // The server's log reaches the application's log (zonky forwards it): errors without their DETAIL,
                // which holds the refused row's values (decision 0072). An external server: operations.md.
                .setServerConfig("log_error_verbosity", "terse");
        if (properties.durable()) {
            // zonky starts the server with -F (fsync off) and synchronous_commit=off; a -c option
            // given after -F wins, so the dev database in data/ is as crash-safe as any PostgreSQL.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
        }
        properties.serverConfig().forEach(builder::setServerConfig);
        if (StringUtils.hasText(properties.dataDir())) {
            Path dataDir = Path.of(properties.dataDir()).toAbsolutePath();
            Files.createDirectories(dataDir.getParent());
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        if (properties.port() > 0) {
            requireFreePort(properties.port());
            builder.setPort(properties.port());
        }
        return builder;
    }

    /** The pool's sizing comes from spring.datasource.hikari.* like an external database's (deliverable 4 of issue 14). */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("wijkroute-embedded");
        // As spring.datasource.hikari.data-source-properties in application.yml: see decision 0031.
        dataSource.addDataSourceProperty("readOnlyMode", "ignore");
        // As in application.yml: batched inserts as multi-row inserts (decision 0060).
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        // As in application.yml: no row values from PostgreSQL's error detail in exception messages (decision 0072).
        dataSource.addDataSourceProperty("logServerErrorDetail", "false");
        return dataSource;
    }

    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartupProblem("Port " + port + " voor de ingebouwde PostgreSQL is al in gebruik. "
                    + "Stop het andere proces of kies een andere poort met WIJKROUTE_DB_PORT.");
        }
    }
}
