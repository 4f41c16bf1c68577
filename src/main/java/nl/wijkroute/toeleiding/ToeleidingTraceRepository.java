package nl.wijkroute.toeleiding;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ToeleidingTraceRepository extends JpaRepository<ToeleidingTrace, UUID> {

    List<ToeleidingTrace> findByCaseIdOrderByRecordedAtAsc(UUID caseId);

    List<ToeleidingTrace> findByCaseIdInOrderByRecordedAtAsc(Collection<UUID> caseIds);
}
