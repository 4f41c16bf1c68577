package nl.wijkroute.route;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whose werkbak holds the casusregisseur's steps of a case (regie and evaluatie, decision 0044). The BPMN
 * offers those steps to the process variable {@link RouteVariables#REGIE_GROUP} (the team's group while the
 * team holds regie); when the casusregie changes hands between the team and a partner organisation, the
 * variable follows for the steps created later, and the steps already open move with it, unclaimed, so they
 * leave the old holder's werkbak in the same transaction.
 */
@Component
public class RegieWork {

    /** The steps the casusregisseur takes; the plan, vraagverheldering and nazorg stay with the team. */
    public static final List<String> STEPS = List.of(RoutekaartIds.REGIE, RoutekaartIds.EVALUATIE);

    private final RuntimeService runtimeService;
    private final TaskService taskService;

    RegieWork(RuntimeService runtimeService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /** Offers the case's regie and evaluatie steps, open and future, to {@code group}; a case whose route ended has none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void offerTo(UUID caseId, String group) {
        ProcessInstance route = runtimeService.createProcessInstanceQuery().processDefinitionKey(RoutekaartIds.PROCESS)
                .processInstanceBusinessKey(caseId.toString()).singleResult();
        if (route == null) {
            return;
        }
        runtimeService.setVariable(route.getId(), RouteVariables.REGIE_GROUP, group);
        for (Task task : taskService.createTaskQuery().processInstanceId(route.getId())
                .taskDefinitionKeyIn(STEPS.toArray(String[]::new)).list()) {
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                        && !link.getGroupId().equals(group)) {
                    taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
                }
            }
            taskService.addCandidateGroup(task.getId(), group);
            if (task.getAssignee() != null) {
                // A colleague of the old holder who had claimed it no longer holds the regie.
                taskService.setAssignee(task.getId(), null);
            }
        }
    }
}
