package nl.wijkroute.escalation;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StagnationSignalRepository extends JpaRepository<StagnationSignal, UUID> {

    List<StagnationSignal> findByResolvedAtIsNullOrderByRaisedAtAsc();

    Page<StagnationSignal> findByResolvedAtIsNull(Pageable pageable);

    List<StagnationSignal> findByReferenceIdAndResolvedAtIsNull(UUID referenceId);

    // JPQL rather than a derived query: Hibernate 6.6 keeps a query string's plan, but builds a derived (criteria)
    // query's SQL anew on every call, ~9 % of a request's CPU on the route (issue 14, docs/performance.md).
    @Query("select s from StagnationSignal s where s.caseId = :caseId and s.kind = :kind and s.resolvedAt is null")
    List<StagnationSignal> findByCaseIdAndKindAndResolvedAtIsNull(UUID caseId, String kind);

    @org.springframework.data.jpa.repository.Query("""
            select s from StagnationSignal s, nl.wijkroute.route.SupportCase c
            where c.id = s.caseId and s.resolvedAt is null and c.team.id = :teamId
            """)
    Page<StagnationSignal> openForTeam(String teamId, Pageable pageable);
}
