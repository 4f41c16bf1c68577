package nl.wijkroute.route;

import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface TaskMapper {

    @Mapping(target = "id", source = "task.id")
    @Mapping(target = "taskKey", source = "task.taskDefinitionKey")
    @Mapping(target = "name", source = "task.name")
    @Mapping(target = "caseId", source = "caseId")
    @Mapping(target = "household", source = "household")
    @Mapping(target = "caseStage", source = "caseStage")
    @Mapping(target = "assignee", source = "task.assignee")
    @Mapping(target = "assigneeName", source = "assigneeName")
    @Mapping(target = "created", source = "task.createTime")
    @Mapping(target = "due", source = "task.dueDate")
    TaskView toView(Task task, UUID caseId, Stage caseStage, String household, String assigneeName);
}
