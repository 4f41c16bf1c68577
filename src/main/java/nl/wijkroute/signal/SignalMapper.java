package nl.wijkroute.signal;

import nl.wijkroute.household.NewHousehold;
import nl.wijkroute.route.SupportCaseService;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface SignalMapper {

    @Mapping(target = "wijkId", source = "wijk")
    NewHousehold toNewHousehold(SignalRequest.HouseholdData data);

    NewHousehold.NewMember toNewMember(SignalRequest.Member member);

    @Mapping(target = "signalId", source = "signal.id")
    @Mapping(target = "caseId", source = "signal.caseId")
    @Mapping(target = "householdId", source = "signal.householdId")
    @Mapping(target = "receivedAt", source = "signal.receivedAt")
    @Mapping(target = "newCase", source = "attachment.newCase")
    @Mapping(target = "reopenedFromNazorg", source = "attachment.reopenedFromNazorg")
    SignalResponse toResponse(Signal signal, SupportCaseService.Attachment attachment);

    SignalView toView(Signal signal);
}
