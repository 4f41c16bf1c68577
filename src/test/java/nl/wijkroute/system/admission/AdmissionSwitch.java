package nl.wijkroute.system.admission;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;

/** For the route benchmark (decision 0068): the admission's limit, and the same service measured without it. */
public final class AdmissionSwitch {

    /** Far more turns than any benchmark phase has clients: the limit no longer holds anyone back. */
    private static final int LIFTED = 100_000;

    private AdmissionSwitch() {
    }

    /** Turns free now (the limit, when no API request runs). */
    public static int freeTurns(ApplicationContext context) {
        return filter(context).turns.availablePermits();
    }

    /** Lifts the limit until closed: a limit no phase reaches, set and taken back as {@link #limit} does. */
    public static AutoCloseable lift(ApplicationContext context) {
        return limit(context, LIFTED);
    }

    /**
     * Sets the limit to {@code limit} turns until closed; call and close only when no API request runs (it takes or
     * gives the difference from the configured limit, then gives or takes it back). The filter's gauges keep counting
     * from the configured limit meanwhile (its {@code active} is off by the difference); the benchmark does not read them.
     */
    public static AutoCloseable limit(ApplicationContext context, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("an admission limit of at least 1, not " + limit);
        }
        ApiAdmissionFilter filter = filter(context);
        int configured = context.getBean(ApiAdmissionProperties.class).limit(Runtime.getRuntime().availableProcessors());
        if (filter.turns.availablePermits() != configured) {
            throw new IllegalStateException("API requests are running (" + (configured - filter.turns.availablePermits())
                    + " turns taken) or the limit is lifted: set another limit only when none runs");
        }
        if (limit < configured) {
            filter.turns.acquireUninterruptibly(configured - limit);
            return () -> filter.turns.release(configured - limit);
        }
        filter.turns.release(limit - configured);
        return () -> filter.turns.acquire(limit - configured);
    }

    @SuppressWarnings("unchecked")
    private static ApiAdmissionFilter filter(ApplicationContext context) {
        return ((FilterRegistrationBean<ApiAdmissionFilter>) context.getBean("apiAdmission")).getFilter();
    }
}
