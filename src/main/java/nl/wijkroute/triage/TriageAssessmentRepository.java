package nl.wijkroute.triage;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TriageAssessmentRepository extends JpaRepository<TriageAssessment, UUID> {

    Optional<TriageAssessment> findFirstByCaseIdOrderByAssessedAtDesc(UUID caseId);

    long countByCaseId(UUID caseId);

    boolean existsByCaseIdAndSafetyConcernTrue(UUID caseId);
}
