package nl.wijkroute.assessment;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface AssessmentMapper {

    @Mapping(target = "member", source = "memberName")
    @Mapping(target = "scoreMeaning", expression = "java(assessment.getScore() == null ? null : "
            + "SelfSufficiency.of(assessment.getScore()).meaning())")
    VraagverhelderingView.AssessmentView toView(LeefgebiedAssessment assessment, String memberName);
}
