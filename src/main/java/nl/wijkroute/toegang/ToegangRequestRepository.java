package nl.wijkroute.toegang;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ToegangRequestRepository extends JpaRepository<ToegangRequest, UUID> {

    List<ToegangRequest> findByCaseIdOrderByRequestedAtAsc(UUID caseId);

    @Query("select r.law from ToegangRequest r where r.id = :id")
    Optional<Law> findLawById(UUID id);

    Page<ToegangRequest> findByPhaseInAndLawIn(Collection<ToegangRequest.Phase> phases, Collection<Law> laws, Pageable pageable);
}
