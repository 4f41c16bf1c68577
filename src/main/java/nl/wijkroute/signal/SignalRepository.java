package nl.wijkroute.signal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SignalRepository extends JpaRepository<Signal, UUID> {

    /**
     * The case's signals, oldest first, with their leefgebieden, as rows of a projection (decision 0061): what the
     * case file and the vraagverheldering show, without building the signal entities and their collections. JPQL
     * rather than a derived query: Hibernate 6.6 keeps a query string's plan, but builds a derived (criteria) query's
     * SQL anew on every call (issue 14, docs/performance.md).
     */
    @Query("select new nl.wijkroute.signal.SignalRow(s.id, s.caseId, s.sourceType, s.sourceOrganisation, s.description, l,"
            + " s.urgency, s.safetyConcern, s.receivedAt, s.registeredBy)"
            + " from Signal s left join s.leefgebieden l where s.caseId = :caseId order by s.receivedAt, s.id")
    List<SignalRow> findRowsByCaseId(UUID caseId);
}
