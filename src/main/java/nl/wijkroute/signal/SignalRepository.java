package nl.wijkroute.signal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface SignalRepository extends JpaRepository<Signal, UUID> {

    /** With their leefgebieden in the same statement: the eager collection would otherwise cost one query per signal. */
    @EntityGraph(attributePaths = "leefgebieden")
    List<Signal> findByCaseIdOrderByReceivedAtAsc(UUID caseId);
}
