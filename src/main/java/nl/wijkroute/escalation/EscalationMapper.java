package nl.wijkroute.escalation;

import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface EscalationMapper {

    @Mapping(target = "reflectieThema", expression = "java(escalation.getCause().reflectieThema())")
    EscalationDtos.EscalationView toView(Escalation escalation, List<DoorbraakAction> actions);

    EscalationDtos.ActionView toView(DoorbraakAction action);
}
