package nl.wijkroute.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LegalDeadlineRepository extends JpaRepository<LegalDeadline, UUID> {

    List<LegalDeadline> findByCaseIdOrderByCreatedAtAsc(UUID caseId);

    List<LegalDeadline> findByToegangRequestIdOrderByCreatedAtAsc(UUID toegangRequestId);

    /** Running or suspended terms that are at risk, breached, or due on or before the given day, for one team or all. */
    @Query("""
            select d from LegalDeadline d, nl.wijkroute.route.SupportCase c
            where c.id = d.caseId and d.status <> nl.wijkroute.deadline.LegalDeadline.Status.MET
              and (:teamId is null or c.team.id = :teamId)
              and (d.atRisk = true or d.breached = true or d.warnOn <= :today)
            order by d.dueOn
            """)
    List<LegalDeadline> atRisk(String teamId, LocalDate today);
}

interface DeadlineSuspensionRepository extends JpaRepository<DeadlineSuspension, UUID> {

    Optional<DeadlineSuspension> findFirstByDeadlineIdAndUntilIsNull(UUID deadlineId);
}
