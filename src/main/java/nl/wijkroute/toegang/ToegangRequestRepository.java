package nl.wijkroute.toegang;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ToegangRequestRepository extends JpaRepository<ToegangRequest, UUID> {

    // JPQL rather than a derived query: Hibernate 6.6 keeps a query string's plan, but builds a derived (criteria)
    // query's SQL anew on every call, ~9 % of a request's CPU on the route (issue 14, docs/performance.md).
    @Query("select r from ToegangRequest r where r.caseId = :caseId order by r.requestedAt")
    List<ToegangRequest> findByCaseIdOrderByRequestedAtAsc(UUID caseId);

    /** The case's requests not in this phase, oldest first (the case file: those still to decide; decision 0061). */
    @Query("select r from ToegangRequest r where r.caseId = :caseId and r.phase <> :phase order by r.requestedAt")
    List<ToegangRequest> findByCaseIdAndPhaseNotOrderByRequestedAt(UUID caseId, ToegangRequest.Phase phase);

    @Query("select r.law from ToegangRequest r where r.id = :id")
    Optional<Law> findLawById(UUID id);

    Page<ToegangRequest> findByPhaseInAndLawIn(Collection<ToegangRequest.Phase> phases, Collection<Law> laws, Pageable pageable);
}
