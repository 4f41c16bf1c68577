package nl.wijkroute.privacy.retention;

import org.mapstruct.Mapper;

@Mapper
interface ErasureRequestMapper {

    ErasureDtos.ErasureRequestView toView(ErasureRequest request);
}
