package nl.wijkroute.route.engine;

import java.util.Optional;
import nl.wijkroute.route.Stage;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * Adds one start listener to every flow node that the BPMN marks with
 * {@code <camunda:property name="stage" value="..."/>}. This is the single place where moves are
 * observed, so no delegate has to remember to write step history.
 *
 * <p>Parse listeners are the engine's documented plugin extension point; Operaton keeps the same
 * contract under its own package name.
 */
public class StageParseListener extends AbstractBpmnParseListener {

    static final String STAGE_PROPERTY = "stage";
    private static final Namespace CAMUNDA_NS = new Namespace("http://camunda.org/schema/1.0/bpmn");

    private final StageEntered stageEntered;

    public StageParseListener(StageEntered stageEntered) {
        this.stageEntered = stageEntered;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        addStageListener(element, activity);
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        addStageListener(element, activity);
    }

    @Override
    public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        addStageListener(element, activity);
    }

    @Override
    public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
        addStageListener(element, activity);
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        addStageListener(element, activity);
    }

    private void addStageListener(Element element, ActivityImpl activity) {
        stageOf(element).ifPresent(stage -> {
            ExecutionListener listener = execution -> stageEntered.onStageEntered(execution, stage);
            activity.addListener(ExecutionListener.EVENTNAME_START, listener);
        });
    }

    static Optional<Stage> stageOf(Element element) {
        Element extensions = element.element("extensionElements");
        if (extensions == null) {
            return Optional.empty();
        }
        Element properties = extensions.elementNS(CAMUNDA_NS, "properties");
        if (properties == null) {
            return Optional.empty();
        }
        return properties.elementsNS(CAMUNDA_NS, "property").stream()
                .filter(property -> STAGE_PROPERTY.equals(property.attribute("name")))
                .map(property -> Stage.valueOf(property.attribute("value")))
                .findFirst();
    }
}
