package nl.wijkroute.regie;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RegieAssignmentRepository extends JpaRepository<RegieAssignment, UUID> {

    // JPQL rather than a derived query: Hibernate 6.6 keeps a query string's plan, but builds a derived (criteria)
    // query's SQL anew on every call, ~9 % of a request's CPU on the route (issue 14, docs/performance.md).
    @Query("select a from RegieAssignment a where a.caseId = :caseId and a.kind = :kind and a.endedAt is null")
    Optional<RegieAssignment> findByCaseIdAndKindAndEndedAtIsNull(UUID caseId, RegieAssignment.Kind kind);

    List<RegieAssignment> findByCaseIdOrderByStartedAtAscIdAsc(UUID caseId);
}
