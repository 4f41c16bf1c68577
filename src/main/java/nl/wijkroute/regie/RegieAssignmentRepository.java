package nl.wijkroute.regie;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RegieAssignmentRepository extends JpaRepository<RegieAssignment, UUID> {

    Optional<RegieAssignment> findByCaseIdAndKindAndEndedAtIsNull(UUID caseId, RegieAssignment.Kind kind);

    List<RegieAssignment> findByCaseIdOrderByStartedAtAscIdAsc(UUID caseId);
}
