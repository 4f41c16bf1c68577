package nl.wijkroute.dashboard;

import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;

/** For the dashboard benchmark (another package): the safety indicators' call, whose service is package-private. */
public final class DashboardBenchmarkSafety {

    private DashboardBenchmarkSafety() {
    }

    public static Supplier<Object> call(ApplicationContext context, DashboardFilter filter) {
        SafetyIndicators indicators = context.getBean(SafetyIndicators.class);
        return () -> indicators.safety(filter);
    }
}
