package nl.wijkroute.system.db;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process PostgreSQL used by the dev profile and the tests.
 *
 * @param enabled   start it (dev and test); production leaves it off and uses spring.datasource.*
 * @param dataDir   keep data here between restarts; blank means a fresh temporary directory (tests)
 * @param port      fixed port (dev, so psql can connect); 0 picks a free one (tests)
 * @param durable   fsync and synchronous_commit on (default): a commit survives a power loss, and the
 *                  database in data/ is not corrupted by one. The library's own defaults switch both
 *                  off for speed; only the test profile, whose database is thrown away, does that.
 * @param serverConfig further server settings ({@code -c name=value}), e.g. the route benchmark preloads
 *                     pg_stat_statements to count statements per step; empty by default
 */
@ConfigurationProperties("wijkroute.embedded-postgres")
public record EmbeddedPostgresProperties(boolean enabled, String dataDir, int port,
                                         @DefaultValue("true") boolean durable,
                                         Map<String, String> serverConfig) {

    public EmbeddedPostgresProperties {
        serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
    }
}
