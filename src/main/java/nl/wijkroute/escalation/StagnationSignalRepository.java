package nl.wijkroute.escalation;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import nl.wijkroute.route.RouteReadModels;
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

    /**
     * Open signals of one team's cases, oldest first (the id keeps pages stable), through route's case view
     * (decision 0052). The order is in the query: pass an unsorted page request. An annotation needs a
     * compile-time constant, so the view's name ({@link RouteReadModels#CASE_VIEW}) is written out here.
     */
    @Query(value = "select s.* from stagnation_signal s join route_case_view c on c.case_id = s.case_id"
                   + " where s.resolved_at is null and c.team_id = :teamId order by s.raised_at, s.id",
            countQuery = "select count(*) from stagnation_signal s join route_case_view"
                         + " c on c.case_id = s.case_id where s.resolved_at is null and c.team_id = :teamId",
            nativeQuery = true)
    Page<StagnationSignal> openForTeam(String teamId, Pageable pageable);
}
