package nl.wijkroute.system.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Every Hikari pool, an external database's as well as the embedded one (whose sessions LockTimeoutApiTest checks),
 * gets the lock timeout as a startup option in milliseconds, added to options already bound (decision 0070).
 */
class LockTimeoutConfigurationTest {

    private static HikariDataSource processed(String value, String boundOptions) {
        MockEnvironment environment = new MockEnvironment();
        if (value != null) {
            environment.setProperty(LockTimeoutConfiguration.PROPERTY, value);
        }
        HikariDataSource pool = new HikariDataSource();
        if (boundOptions != null) {
            pool.addDataSourceProperty("options", boundOptions);
        }
        return (HikariDataSource) LockTimeoutConfiguration.lockTimeoutOnEveryConnection(environment)
                .postProcessBeforeInitialization(pool, "dataSource");
    }

    @Test
    void theTimeoutIsReadAsADurationAndSentInMilliseconds() {
        assertThat(processed("PT10S", null).getDataSourceProperties().getProperty("options")).isEqualTo("-c lock_timeout=10000");
        assertThat(processed("500ms", null).getDataSourceProperties().getProperty("options")).isEqualTo("-c lock_timeout=500");
        assertThat(processed(null, null).getDataSourceProperties().getProperty("options")).isEqualTo("-c lock_timeout=10000");
    }

    @Test
    void optionsAlreadyBoundAreKeptAndZeroSendsNothing() {
        assertThat(processed("2s", "-c search_path=public").getDataSourceProperties().getProperty("options"))
                .isEqualTo("-c search_path=public -c lock_timeout=2000");
        assertThat(processed("0", null).getDataSourceProperties().getProperty("options")).isNull();
        assertThatThrownBy(() -> processed("-1s", null)).isInstanceOf(IllegalStateException.class);
    }
}
