package nl.wijkroute.route;

import java.util.List;
import nl.wijkroute.household.HouseholdSummary;
import nl.wijkroute.household.HouseholdView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface CaseReadMapper {

    @Mapping(target = "id", source = "supportCase.id")
    @Mapping(target = "householdId", source = "supportCase.householdId")
    @Mapping(target = "household", source = "household.displayName")
    @Mapping(target = "team", source = "supportCase.teamId")
    @Mapping(target = "wijk", source = "supportCase.wijkId")
    @Mapping(target = "status", source = "supportCase.status")
    @Mapping(target = "currentStage", source = "supportCase.currentStage")
    @Mapping(target = "stageEnteredAt", source = "supportCase.stageEnteredAt")
    @Mapping(target = "openedAt", source = "supportCase.openedAt")
    @Mapping(target = "closedAt", source = "supportCase.closedAt")
    CaseReads.Summary toSummary(SupportCase supportCase, HouseholdSummary household);

    @Mapping(target = "id", source = "supportCase.id")
    @Mapping(target = "status", source = "supportCase.status")
    @Mapping(target = "currentStage", source = "supportCase.currentStage")
    @Mapping(target = "stageEnteredAt", source = "supportCase.stageEnteredAt")
    @Mapping(target = "openedAt", source = "supportCase.openedAt")
    @Mapping(target = "closedAt", source = "supportCase.closedAt")
    @Mapping(target = "closureReason", source = "supportCase.closureReason")
    @Mapping(target = "team", source = "supportCase.teamId")
    @Mapping(target = "household", source = "household")
    @Mapping(target = "version", source = "supportCase.version")
    CaseReads.CaseFile toFile(SupportCase supportCase, HouseholdView household, List<TaskView> openTasks);

    @Mapping(target = "from", source = "fromStage")
    @Mapping(target = "to", source = "toStage")
    @Mapping(target = "actor", source = "actorDisplayName")
    CaseReads.Step toStep(StepHistoryEntry entry);
}
