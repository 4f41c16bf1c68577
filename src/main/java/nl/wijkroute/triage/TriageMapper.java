package nl.wijkroute.triage;

import org.mapstruct.Mapper;

@Mapper
interface TriageMapper {

    TriageView toView(TriageAssessment assessment);
}
