package nl.wijkroute.assessment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LeefgebiedAssessmentRepository extends JpaRepository<LeefgebiedAssessment, UUID> {

    /**
     * The case's entries in recording order, as rows of a projection (decision 0061): the grid, the history and the
     * check before the plan read them, none changes them. JPQL rather than a derived query: Hibernate 6.6 keeps a
     * query string's plan, but builds a derived (criteria) query's SQL anew on every call (issue 14).
     */
    @Query("select new nl.wijkroute.assessment.AssessmentRow(a.memberId, a.leefgebied, a.moment, a.status, a.score,"
            + " a.reason, a.ownWords, a.strengths, a.network, a.assessedBy, a.assessedAt)"
            + " from LeefgebiedAssessment a where a.caseId = :caseId order by a.seq")
    List<AssessmentRow> findRowsByCaseId(UUID caseId);

    /**
     * The case's scores in recording order, as rows of a projection (decision 0061): what the change from the first to
     * the latest score needs (the case file), without the entries' free text or entities.
     */
    @Query("select new nl.wijkroute.assessment.ScoreRow(a.memberId, a.leefgebied, a.score, a.moment, a.assessedAt)"
            + " from LeefgebiedAssessment a where a.caseId = :caseId and a.score is not null order by a.seq")
    List<ScoreRow> findScoresByCaseId(UUID caseId);
}

interface RealQuestionRepository extends JpaRepository<RealQuestion, UUID> {

    /** The case's newest real question, if it has one yet (most cases have none until the vraagverheldering ends). */
    default Optional<RealQuestion> newestOf(UUID caseId) {
        return findNewestByCaseId(caseId).stream().findFirst();
    }

    /**
     * A list of at most one rather than an {@code Optional}: Spring Data answers an empty {@code Optional} by catching
     * the {@code NoResultException} Hibernate throws, built with the whole request's stack, on every read of a
     * vraagverheldering whose question is not recorded yet (decision 0074).
     */
    @Query("select q from RealQuestion q where q.caseId = :caseId order by q.recordedAt desc limit 1")
    List<RealQuestion> findNewestByCaseId(UUID caseId);
}
