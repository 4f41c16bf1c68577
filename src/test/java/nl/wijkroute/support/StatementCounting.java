package nl.wijkroute.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the application's one DataSource so every statement sent to PostgreSQL is counted: Hibernate's,
 * JdbcTemplate's and the Camunda engine's (MyBatis uses the same DataSource). A JDBC batch is one
 * round trip and counts once. Only the thread that asked is counted, so nothing running beside the
 * test (engine timers, the pool's housekeeping) can change the number.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

    private static final ThreadLocal<AtomicInteger> COUNTER = new ThreadLocal<>();
    private static final ThreadLocal<List<String>> QUERIES = new ThreadLocal<>();

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
                    return ProxyDataSourceBuilder.create(dataSource).name("counted").listener(new Listener()).build();
                }
                return bean;
            }
        };
    }

    /** Runs the work on this thread and answers the number of statements it executed. */
    public static <T> Counted<T> count(Supplier<T> work) {
        AtomicInteger counter = new AtomicInteger();
        List<String> queries = new ArrayList<>();
        COUNTER.set(counter);
        QUERIES.set(queries);
        try {
            T result = work.get();
            return new Counted<>(result, counter.get(), List.copyOf(queries));
        } finally {
            COUNTER.remove();
            QUERIES.remove();
        }
    }

    /** The result, the number of statements, and their SQL (the first statement of a batch), to say which one is new. */
    public record Counted<T>(T result, int statements, List<String> queries) {
    }

    private static final class Listener implements QueryExecutionListener {
        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            AtomicInteger counter = COUNTER.get();
            if (counter != null) {
                counter.incrementAndGet();
                QUERIES.get().add(queryInfoList.isEmpty() ? "?" : queryInfoList.get(0).getQuery());
            }
        }
    }
}
