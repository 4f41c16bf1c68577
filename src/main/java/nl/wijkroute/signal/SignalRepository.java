package nl.wijkroute.signal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SignalRepository extends JpaRepository<Signal, UUID> {

    List<Signal> findByCaseIdOrderByReceivedAtAsc(UUID caseId);
}
