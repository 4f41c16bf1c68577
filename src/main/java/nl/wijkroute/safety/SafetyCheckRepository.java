package nl.wijkroute.safety;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SafetyCheckRepository extends JpaRepository<SafetyCheck, UUID> {

    Page<SafetyCheck> findByCaseId(UUID caseId, Pageable pageable);

    Optional<SafetyCheck> findFirstByCaseIdOrderByCheckedAtDescIdDesc(UUID caseId);
}
