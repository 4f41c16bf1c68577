package nl.wijkroute.casefile;

import java.util.List;
import nl.wijkroute.assessment.VraagverhelderingView;
import nl.wijkroute.household.HouseholdView;
import nl.wijkroute.route.CaseReads;
import nl.wijkroute.signal.SignalView;
import nl.wijkroute.toegang.ToegangDtos;
import nl.wijkroute.toeleiding.ToeleidingTraceView;
import nl.wijkroute.triage.TriageView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface CaseFileMapper {

    CaseViews.CaseSummary toSummary(CaseReads.Summary summary);

    @Mapping(target = "id", source = "file.id")
    @Mapping(target = "status", source = "file.status")
    @Mapping(target = "currentStage", source = "file.currentStage")
    @Mapping(target = "stageEnteredAt", source = "file.stageEnteredAt")
    @Mapping(target = "openedAt", source = "file.openedAt")
    @Mapping(target = "closedAt", source = "file.closedAt")
    @Mapping(target = "closureReason", source = "file.closureReason")
    @Mapping(target = "team", source = "file.team")
    @Mapping(target = "household", source = "file.household")
    @Mapping(target = "openTasks", source = "file.openTasks")
    @Mapping(target = "version", source = "file.version")
    CaseViews.CaseDetail toDetail(CaseReads.CaseFile file, TriageView latestTriage, List<SignalView> signals,
                                  List<ToegangDtos.ToegangView> toegangStillToDecide, List<ToeleidingTraceView> toeleiding,
                                  List<VraagverhelderingView.ScoreChange> selfSufficiencyChanges);

    CaseViews.HouseholdView toView(HouseholdView household);

    CaseViews.MemberView toView(HouseholdView.Member member);

    @Mapping(target = "safetyConcern", source = "safetyConcern")
    CaseViews.TriageView toView(TriageView triage);

    CaseViews.SignalView toView(SignalView signal);

    CaseViews.StepView toView(CaseReads.Step step);
}
