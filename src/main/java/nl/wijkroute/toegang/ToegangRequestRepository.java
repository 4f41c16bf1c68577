package nl.wijkroute.toegang;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ToegangRequestRepository extends JpaRepository<ToegangRequest, UUID> {

    List<ToegangRequest> findByCaseIdOrderByRequestedAtAsc(UUID caseId);

    Page<ToegangRequest> findByPhaseInAndLawIn(Collection<ToegangRequest.Phase> phases, Collection<Law> laws, Pageable pageable);
}
