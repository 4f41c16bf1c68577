package nl.wijkroute.route.engine;

import nl.wijkroute.route.Stage;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Called by the engine, in its transaction, whenever a token enters a flow node marked as a stage. */
@FunctionalInterface
public interface StageEntered {

    void onStageEntered(DelegateExecution execution, Stage stage);
}
