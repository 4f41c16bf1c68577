package nl.wijkroute.regie;

import org.mapstruct.Mapper;

@Mapper
interface RegieMapper {

    RegieView.Holder toHolder(RegieAssignment assignment);
}
