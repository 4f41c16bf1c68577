package nl.wijkroute.route;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Only reads: {@code StepRecorder} appends the history with plain inserts (decision 0074), and the history is never
 * changed (the database enforces it too).
 */
interface StepHistoryRepository extends Repository<StepHistoryEntry, Long> {

    // JPQL rather than a derived query: Hibernate 6.6 keeps a query string's plan, but builds a derived (criteria)
    // query's SQL anew on every call, ~9 % of a request's CPU on the route (issue 14, docs/performance.md).
    @Query("select e from StepHistoryEntry e where e.caseId = :caseId order by e.movedAt, e.id")
    List<StepHistoryEntry> findByCaseIdOrderByMovedAtAscIdAsc(UUID caseId);
}
