package nl.wijkroute.partner;

import org.mapstruct.Mapper;

@Mapper
interface OrganisationMapper {

    OrganisationView toView(Organisation organisation);
}
