package nl.wijkroute.route;

import nl.wijkroute.household.HouseholdSummary;
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

    @Mapping(target = "from", source = "fromStage")
    @Mapping(target = "to", source = "toStage")
    @Mapping(target = "actor", source = "actorDisplayName")
    CaseReads.Step toStep(StepHistoryEntry entry);
}
