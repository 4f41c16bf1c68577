package nl.wijkroute.escalation;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StagnationSignalRepository extends JpaRepository<StagnationSignal, UUID> {

    List<StagnationSignal> findByResolvedAtIsNullOrderByRaisedAtAsc();

    List<StagnationSignal> findByReferenceIdAndResolvedAtIsNull(UUID referenceId);
}
