package nl.wijkroute.route.engine;

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
        configuration.setCustomPostBPMNParseListeners(EngineExtensionLists.withAdded(
                configuration.getCustomPostBPMNParseListeners(), new StageParseListener(stageEntered)));
    }
}
