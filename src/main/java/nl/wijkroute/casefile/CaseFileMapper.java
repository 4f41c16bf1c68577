package nl.wijkroute.casefile;

import java.util.List;
import nl.wijkroute.household.Household;
import nl.wijkroute.household.HouseholdMember;
import nl.wijkroute.route.StepHistoryEntry;
import nl.wijkroute.route.SupportCase;
import nl.wijkroute.route.TaskView;
import nl.wijkroute.signal.SignalView;
import nl.wijkroute.toegang.ToegangDtos;
import nl.wijkroute.triage.TriageView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface CaseFileMapper {

    @Mapping(target = "householdId", source = "household.id")
    @Mapping(target = "household", source = "household.displayName")
    @Mapping(target = "team", source = "team.id")
    @Mapping(target = "wijk", source = "household.wijk.id")
    CaseViews.CaseSummary toSummary(SupportCase supportCase);

    @Mapping(target = "id", source = "supportCase.id")
    @Mapping(target = "status", source = "supportCase.status")
    @Mapping(target = "currentStage", source = "supportCase.currentStage")
    @Mapping(target = "stageEnteredAt", source = "supportCase.stageEnteredAt")
    @Mapping(target = "openedAt", source = "supportCase.openedAt")
    @Mapping(target = "closedAt", source = "supportCase.closedAt")
    @Mapping(target = "closureReason", source = "supportCase.closureReason")
    @Mapping(target = "team", source = "supportCase.team.id")
    @Mapping(target = "household", source = "supportCase.household")
    @Mapping(target = "version", source = "supportCase.version")
    CaseViews.CaseDetail toDetail(SupportCase supportCase, TriageView latestTriage, List<SignalView> signals,
                                  List<TaskView> openTasks, List<ToegangDtos.ToegangView> toegangStillToDecide);

    @Mapping(target = "wijk", source = "wijk.id")
    CaseViews.HouseholdView toView(Household household);

    @Mapping(target = "bsnKnown", expression = "java(member.hasBsn())")
    CaseViews.MemberView toView(HouseholdMember member);

    @Mapping(target = "safetyConcern", source = "safetyConcern")
    CaseViews.TriageView toView(TriageView triage);

    CaseViews.SignalView toView(SignalView signal);

    @Mapping(target = "from", source = "fromStage")
    @Mapping(target = "to", source = "toStage")
    @Mapping(target = "actor", source = "actorDisplayName")
    CaseViews.StepView toView(StepHistoryEntry entry);
}
