package nl.wijkroute.signal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SignalRepository extends JpaRepository<Signal, UUID> {

    /** With their leefgebieden in the same statement: the eager collection would otherwise cost one query per signal. */
    // JPQL rather than a derived query: Hibernate 6.6 keeps a query string's plan, but builds a derived (criteria)
    // query's SQL anew on every call, ~9 % of a request's CPU on the route (issue 14, docs/performance.md).
    @EntityGraph(attributePaths = "leefgebieden")
    @Query("select s from Signal s where s.caseId = :caseId order by s.receivedAt")
    List<Signal> findByCaseIdOrderByReceivedAtAsc(UUID caseId);
}
