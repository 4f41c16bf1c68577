package nl.wijkroute.route.engine;

import java.util.Optional;
import nl.wijkroute.route.RouteVariables;
import nl.wijkroute.route.Stage;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.variable.Variables;

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
    static final String MOVE_PROPERTY = "move";
    static final String BACK = "BACK";
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

    /**
     * A sequence flow marked {@code <camunda:property name="move" value="BACK"/>} is a back-move: taking it
     * leaves a transient mark that the step recorder writes with the next stage the case enters.
     */
    @Override
    public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
        if (propertyOf(element, MOVE_PROPERTY).filter(BACK::equals).isPresent()) {
            ExecutionListener mark = execution -> execution.setVariable(RouteVariables.BACK_MOVE, Variables.booleanValue(true, true));
            transition.addListener(ExecutionListener.EVENTNAME_TAKE, mark);
        }
    }

    private void addStageListener(Element element, ActivityImpl activity) {
        stageOf(element).ifPresent(stage -> {
            ExecutionListener listener = execution -> stageEntered.onStageEntered(execution, stage);
            activity.addListener(ExecutionListener.EVENTNAME_START, listener);
        });
    }

    static Optional<Stage> stageOf(Element element) {
        return propertyOf(element, STAGE_PROPERTY).map(Stage::valueOf);
    }

    private static Optional<String> propertyOf(Element element, String name) {
        Element extensions = element.element("extensionElements");
        if (extensions == null) {
            return Optional.empty();
        }
        Element properties = extensions.elementNS(CAMUNDA_NS, "properties");
        if (properties == null) {
            return Optional.empty();
        }
        return properties.elementsNS(CAMUNDA_NS, "property").stream()
                .filter(property -> name.equals(property.attribute("name")))
                .map(property -> property.attribute("value"))
                .findFirst();
    }
}
