package nl.wijkroute.route;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the signed-in worker, so the step recorder knows who moved the case.
 * The engine keeps the authentication per thread; it is always cleared again.
 */
@Component
public class EngineActor {

    private final IdentityService identityService;

    EngineActor(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T as(String username, Supplier<T> work) {
        identityService.setAuthenticatedUserId(username);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    public void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }
}
