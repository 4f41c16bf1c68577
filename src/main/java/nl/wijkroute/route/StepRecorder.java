package nl.wijkroute.route;

import java.time.Clock;
import java.util.UUID;
import nl.wijkroute.route.engine.StageEntered;
import nl.wijkroute.system.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place where moves are recorded. The engine calls it (through the stage parse listener) in
 * its own transaction whenever a token enters a stage, so the case row's copy of the stage and the
 * step history can never drift from the engine.
 *
 * <p>Uses only repositories, not the engine services, because the engine is built with it.
 */
@Component
class StepRecorder implements StageEntered {

    private final CaseRepository cases;
    private final StepHistoryRepository history;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StepRecorder(CaseRepository cases, StepHistoryRepository history, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.cases = cases;
        this.history = history;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void onStageEntered(DelegateExecution execution, Stage stage) {
        UUID caseId = UUID.fromString(execution.getProcessBusinessKey());
        SupportCase supportCase = cases.findById(caseId)
                .orElseThrow(() -> new IllegalStateException("Route running for unknown case " + caseId));
        Stage from = supportCase.getCurrentStage();
        String reason = (String) execution.getVariable(RouteVariables.MOVE_REASON);
        // Transient, like the reason: it lives until the command ends, which is at the stage it led to.
        boolean backMove = Boolean.TRUE.equals(execution.getVariable(RouteVariables.BACK_MOVE));
        var now = clock.instant();
        supportCase.enter(stage, now, reason);
        String engineUser = engineUser(execution);
        history.save(new StepHistoryEntry(caseId, from, stage, actorId(engineUser), actorName(engineUser), now, reason,
                backMove));
        events.publishEvent(new CaseMoved(caseId, from, stage, now));
    }

    /**
     * Who the engine works for: the actor of {@link EngineActor} (an API call), else an engine authentication (none
     * of ours sets one since decision 0060; kept so an authenticated engine call is still named), else the system
     * (timers, jobs).
     */
    private static String engineUser(DelegateExecution execution) {
        return EngineActor.current().orElseGet(() -> {
            Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            return authentication == null || authentication.getUserId() == null
                    ? RouteVariables.SYSTEM_ACTOR
                    : authentication.getUserId();
        });
    }

    /**
     * The key of whoever moves the case: the signed-in user's sub when a request moves it (the engine runs
     * in the request's thread), else the engine's user (the system, the demo loader).
     */
    private static String actorId(String engineUser) {
        return CurrentUser.current().map(CurrentUser::id).orElse(engineUser);
    }

    private static String actorName(String engineUser) {
        return CurrentUser.current().map(CurrentUser::username).orElse(null);
    }

    /** The first entry, written when the case is opened (before the engine starts the route). */
    void recordOpening(SupportCase supportCase, String actor, String reason) {
        history.save(new StepHistoryEntry(supportCase.getId(), null, supportCase.getCurrentStage(), actorId(actor),
                actorName(actor), supportCase.getOpenedAt(), reason, false));
        events.publishEvent(new CaseMoved(supportCase.getId(), null, supportCase.getCurrentStage(), supportCase.getOpenedAt()));
    }
}
