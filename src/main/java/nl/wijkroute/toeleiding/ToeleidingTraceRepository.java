package nl.wijkroute.toeleiding;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ToeleidingTraceRepository extends JpaRepository<ToeleidingTrace, UUID> {

    // JPQL rather than a derived query: Hibernate 6.6 keeps a query string's plan, but builds a derived (criteria)
    // query's SQL anew on every call, ~9 % of a request's CPU on the route (issue 14, docs/performance.md).
    @Query("select t from ToeleidingTrace t where t.caseId = :caseId order by t.recordedAt")
    List<ToeleidingTrace> findByCaseIdOrderByRecordedAtAsc(UUID caseId);

    List<ToeleidingTrace> findByCaseIdInOrderByRecordedAtAsc(Collection<UUID> caseIds);
}
