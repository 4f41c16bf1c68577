package nl.wijkroute.deadline;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface DeadlineMapper {

    @Mapping(target = "workingDaysLeft", source = "workingDaysLeft")
    DeadlineView toView(LegalDeadline deadline, int workingDaysLeft);
}
