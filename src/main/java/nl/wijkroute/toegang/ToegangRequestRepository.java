package nl.wijkroute.toegang;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ToegangRequestRepository extends JpaRepository<ToegangRequest, UUID> {

    List<ToegangRequest> findByCaseIdOrderByRequestedAtAsc(UUID caseId);

    List<ToegangRequest> findByPhaseInAndLawInOrderByReceivedOnAsc(Collection<ToegangRequest.Phase> phases, Collection<Law> laws);
}
