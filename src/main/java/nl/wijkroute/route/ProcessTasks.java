package nl.wijkroute.route;

import java.util.Map;
import nl.wijkroute.system.problem.ConflictException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Completes the open task of a side process (warme overdracht, toegang, escalatie), found by the
 * process's business key, as the signed-in user. A task that is not open is a state conflict (409).
 */
@Component
public class ProcessTasks {

    private final TaskService taskService;
    private final EngineActor engineActor;

    ProcessTasks(TaskService taskService, EngineActor engineActor) {
        this.taskService = taskService;
        this.engineActor = engineActor;
    }

    public void complete(String businessKey, String taskKey, Map<String, Object> variables, String user,
                         String notOpenMessage) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new ConflictException(notOpenMessage);
        }
        engineActor.as(user, () -> taskService.complete(task.getId(), variables));
    }
}
