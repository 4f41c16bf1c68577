package nl.wijkroute.partner;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrganisationRepository extends JpaRepository<Organisation, String> {

    /** A query string (its count derived from it): Hibernate keeps its SQL, a derived query's it builds per call (0071). */
    @Query("select o from Organisation o")
    Page<Organisation> findAllBy(Pageable pageable);
}
