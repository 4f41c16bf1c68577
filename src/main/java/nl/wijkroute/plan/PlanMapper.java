package nl.wijkroute.plan;

import java.util.List;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(imports = UUID.class)
interface PlanMapper {

    @Mapping(target = "planId", source = "plan.id")
    @Mapping(target = "caseId", source = "plan.caseId")
    @Mapping(target = "householdId", source = "plan.householdId")
    @Mapping(target = "status", source = "plan.status")
    @Mapping(target = "version", source = "version.number")
    @Mapping(target = "goals", source = "version.content.goals")
    @Mapping(target = "agreement", source = "version.content.agreement")
    @Mapping(target = "changedBy", source = "version.changedBy")
    @Mapping(target = "changedAt", source = "version.changedAt")
    @Mapping(target = "changeNote", source = "version.changeNote")
    PlanViews.PlanView toView(Plan plan, PlanVersion version);

    @Mapping(target = "agreed", expression = "java(version.getContent().agreement() != null)")
    PlanViews.VersionSummary toSummary(PlanVersion version);

    /** New goals and actions get an id; sent ids are kept so versions can be compared. */
    @Mapping(target = "id", expression = "java(request.id() != null ? request.id() : UUID.randomUUID())")
    @Mapping(target = "actions", source = "actions", defaultExpression = "java(java.util.List.of())")
    PlanContent.Goal toGoal(PlanRequest.GoalRequest request);

    @Mapping(target = "id", expression = "java(request.id() != null ? request.id() : UUID.randomUUID())")
    PlanContent.Action toAction(PlanRequest.ActionRequest request);

    List<PlanContent.Goal> toGoals(List<PlanRequest.GoalRequest> requests);
}
