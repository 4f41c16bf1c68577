package nl.wijkroute.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LegalDeadlineRepository extends JpaRepository<LegalDeadline, UUID> {

    List<LegalDeadline> findByCaseIdOrderByCreatedAtAsc(UUID caseId);

    List<LegalDeadline> findByToegangRequestIdOrderByCreatedAtAsc(UUID toegangRequestId);
}

interface DeadlineSuspensionRepository extends JpaRepository<DeadlineSuspension, UUID> {

    Optional<DeadlineSuspension> findFirstByDeadlineIdAndUntilIsNull(UUID deadlineId);
}
