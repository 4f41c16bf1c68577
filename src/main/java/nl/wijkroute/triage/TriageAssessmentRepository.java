package nl.wijkroute.triage;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TriageAssessmentRepository extends JpaRepository<TriageAssessment, UUID> {

    // JPQL rather than a derived query: Hibernate 6.6 keeps a query string's plan, but builds a derived (criteria)
    // query's SQL anew on every call, ~9 % of a request's CPU on the route (issue 14, docs/performance.md).
    @Query("select t from TriageAssessment t where t.caseId = :caseId order by t.assessedAt desc limit 1")
    Optional<TriageAssessment> findFirstByCaseIdOrderByAssessedAtDesc(UUID caseId);

    long countByCaseId(UUID caseId);
}
