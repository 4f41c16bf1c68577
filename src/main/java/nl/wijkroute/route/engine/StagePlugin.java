package nl.wijkroute.route.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Registers the {@link StageParseListener} with the engine (Spring Boot picks up plugin beans). */
public class StagePlugin extends AbstractProcessEnginePlugin {

    private final StageEntered stageEntered;

    public StagePlugin(StageEntered stageEntered) {
        this.stageEntered = stageEntered;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new StageParseListener(stageEntered));
    }
}
