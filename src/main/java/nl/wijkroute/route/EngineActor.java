package nl.wijkroute.route;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls on behalf of a worker, so the step recorder knows who moved the case (decision 0060).
 *
 * <p>The actor is kept here, per thread, and NOT as the engine's authenticated user: an authenticated engine call
 * makes Camunda write its user operation log ({@code ACT_HI_OP_LOG}: a row per start, completion, correlation,
 * with its properties) on every step of the route, which the step history and the access log already record with
 * who, when and why. The engine's authentication stays for what really is an engine operator's action: Cockpit
 * authenticates its own requests, so its job retries are still in the operation log. Nested calls restore the outer
 * actor; the holder is always cleared again.
 */
@Component
public class EngineActor {

    private static final ThreadLocal<String> ACTOR = new ThreadLocal<>();

    public <T> T as(String username, Supplier<T> work) {
        String outer = ACTOR.get();
        ACTOR.set(username);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                ACTOR.remove();
            } else {
                ACTOR.set(outer);
            }
        }
    }

    public void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    /** Whoever the engine works for on this thread, inside {@link #as}; empty elsewhere (timers, jobs, Cockpit). */
    static Optional<String> current() {
        return Optional.ofNullable(ACTOR.get());
    }
}
