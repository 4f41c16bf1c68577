package nl.wijkroute.assessment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeefgebiedAssessmentRepository extends JpaRepository<LeefgebiedAssessment, UUID> {

    List<LeefgebiedAssessment> findByCaseIdOrderByLeefgebiedAscAssessedAtAsc(UUID caseId);

    Optional<LeefgebiedAssessment> findByCaseIdAndMemberIdAndLeefgebied(UUID caseId, UUID memberId, Leefgebied leefgebied);
}

interface RealQuestionRepository extends JpaRepository<RealQuestion, UUID> {

    Optional<RealQuestion> findFirstByCaseIdOrderByRecordedAtDesc(UUID caseId);
}
