package nl.wijkroute.handover;

import java.util.List;
import nl.wijkroute.assessment.VraagverhelderingView;
import nl.wijkroute.plan.PlanContent;
import nl.wijkroute.signal.SignalView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface HandoverMapper {

    HandoverView toView(Handover handover);

    HandoverContent.SharedAssessment toShared(VraagverhelderingView.AssessmentView assessment);

    HandoverContent.SharedGoal toShared(PlanContent.Goal goal);

    HandoverContent.SharedSignal toShared(SignalView signal);

    List<HandoverContent.SharedAction> toSharedActions(List<PlanContent.Action> actions);

    @Mapping(target = "ownerType", expression = "java(action.ownerType().name())")
    @Mapping(target = "status", expression = "java(action.status().name())")
    HandoverContent.SharedAction toShared(PlanContent.Action action);
}
