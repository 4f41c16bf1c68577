package nl.wijkroute.system.db;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Every pooled connection waits for a lock at most {@code wijkroute.database.lock-timeout} (decision 0070): a request
 * held up by a migration's table lock or a long transaction gives up and is answered 503, instead of waiting, and
 * holding its turn of the admission (decision 0068), for as long as the lock lasts.
 *
 * <p>Given as PostgreSQL's {@code lock_timeout} in the connection's startup options (pgjdbc's {@code options}), so it is
 * the session's default from the first statement on, without a statement of its own. The value is read once, as a
 * duration ({@code 10s}, {@code 500ms}, {@code PT10S}), and sent in milliseconds, so what the service reports
 * (Retry-After) and what PostgreSQL applies cannot differ in how they read it.
 */
@Configuration(proxyBeanMethods = false)
class LockTimeoutConfiguration {

    static final String PROPERTY = "wijkroute.database.lock-timeout";

    /** Before the pool opens its first connection: Hikari takes no new driver properties once it has started. */
    @Bean
    static BeanPostProcessor lockTimeoutOnEveryConnection(Environment environment) {
        Duration lockTimeout = Binder.get(environment).bind(PROPERTY, Duration.class).orElse(Duration.ofSeconds(10));
        if (lockTimeout.isNegative()) {
            throw new IllegalStateException(PROPERTY + " must not be negative: " + lockTimeout);
        }
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && !lockTimeout.isZero()) {
                    String existing = pool.getDataSourceProperties().getProperty("options");
                    if (pool.getJdbcUrl() != null && pool.getJdbcUrl().contains("options=")) {
                        // pgjdbc lets the URL's options win over the pool's: the timeout would silently not apply.
                        LoggerFactory.getLogger(LockTimeoutConfiguration.class).warn("The database URL sets its own"
                                + " startup options; {} is not applied (decision 0070): add -c lock_timeout there", PROPERTY);
                    }
                    pool.addDataSourceProperty("options", (existing == null ? "" : existing + " ")
                            + "-c lock_timeout=" + lockTimeout.toMillis());
                }
                return bean;
            }
        };
    }
}
