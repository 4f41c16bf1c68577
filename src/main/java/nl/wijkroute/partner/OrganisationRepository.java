package nl.wijkroute.partner;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, String> {

    List<Organisation> findAllByOrderByName();
}
