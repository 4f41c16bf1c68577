package nl.wijkroute.escalation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationRepository extends JpaRepository<Escalation, UUID> {

    List<Escalation> findByStatusInOrderByRaisedAtAsc(Collection<Escalation.Status> statuses);

    Optional<Escalation> findFirstByCaseIdAndStatusNot(UUID caseId, Escalation.Status status);
}

interface DoorbraakActionRepository extends JpaRepository<DoorbraakAction, UUID> {

    List<DoorbraakAction> findByEscalationIdOrderByDueOnAsc(UUID escalationId);
}
