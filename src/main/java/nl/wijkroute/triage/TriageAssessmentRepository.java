package nl.wijkroute.triage;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TriageAssessmentRepository extends JpaRepository<TriageAssessment, UUID> {

    /**
     * The case's most recent assessment with its leefgebieden, as rows of a projection (decision 0061): one statement
     * and no entity, where the entity's eager leefgebieden cost a second statement. JPQL rather than a derived query:
     * Hibernate 6.6 keeps a query string's plan, but builds a derived (criteria) query's SQL anew on every call.
     */
    @Query("select new nl.wijkroute.triage.TriageRow(t.id, t.caseId, t.urgency, t.safetyConcern, t.problemScope, t.route,"
            + " t.summary, l, t.assessedBy, t.assessedAt) from TriageAssessment t left join t.leefgebieden l"
            + " where t.id = (select t2.id from TriageAssessment t2 where t2.caseId = :caseId order by t2.assessedAt desc limit 1)")
    List<TriageRow> findLatestRowsByCaseId(UUID caseId);

    long countByCaseId(UUID caseId);
}
