package nl.wijkroute.assessment;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface AssessmentMapper {

    @Mapping(target = "member", source = "memberName")
    @Mapping(target = "scoreMeaning", expression = "java(assessment.score() == null ? null : "
            + "SelfSufficiency.of(assessment.score()).meaning())")
    VraagverhelderingView.AssessmentView toView(AssessmentRow assessment, String memberName);
}
