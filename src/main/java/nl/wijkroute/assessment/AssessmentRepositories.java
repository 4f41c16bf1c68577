package nl.wijkroute.assessment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeefgebiedAssessmentRepository extends JpaRepository<LeefgebiedAssessment, UUID> {

    List<LeefgebiedAssessment> findByCaseIdOrderBySeqAsc(UUID caseId);
}

interface RealQuestionRepository extends JpaRepository<RealQuestion, UUID> {

    Optional<RealQuestion> findFirstByCaseIdOrderByRecordedAtDesc(UUID caseId);
}
