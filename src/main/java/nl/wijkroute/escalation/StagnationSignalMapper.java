package nl.wijkroute.escalation;

import org.mapstruct.Mapper;

@Mapper
interface StagnationSignalMapper {

    StagnationSignalService.SignalView toView(StagnationSignal signal);
}
