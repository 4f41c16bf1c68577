package nl.wijkroute.system.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-process PostgreSQL used by the dev profile and the tests.
 *
 * @param enabled   start it (dev and test); production leaves it off and uses spring.datasource.*
 * @param dataDir   keep data here between restarts; blank means a fresh temporary directory (tests)
 * @param port      fixed port (dev, so psql can connect); 0 picks a free one (tests)
 */
@ConfigurationProperties("wijkroute.embedded-postgres")
public record EmbeddedPostgresProperties(boolean enabled, String dataDir, int port) {
}
