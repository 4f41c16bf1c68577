package nl.wijkroute.escalation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationRepository extends JpaRepository<Escalation, UUID> {

    Page<Escalation> findByStatusIn(Collection<Escalation.Status> statuses, Pageable pageable);

    Optional<Escalation> findFirstByCaseIdAndStatusNot(UUID caseId, Escalation.Status status);
}

interface DoorbraakActionRepository extends JpaRepository<DoorbraakAction, UUID> {

    List<DoorbraakAction> findByEscalationIdOrderByDueOnAsc(UUID escalationId);
}
