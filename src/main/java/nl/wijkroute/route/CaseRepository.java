package nl.wijkroute.route;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseRepository extends JpaRepository<SupportCase, UUID> {

    @Query("select c from SupportCase c where c.householdId = :householdId and c.status in :statuses")
    Optional<SupportCase> findByHouseholdAndStatusIn(UUID householdId, Collection<CaseStatus> statuses);

    List<SupportCase> findByStatusAndCurrentStageAndStageEnteredAtBefore(CaseStatus status, Stage stage, Instant before);

    /** Cases by id in one statement (their households: one more, see {@code SupportCaseService#withHouseholds}). */
    List<SupportCase> findByIdIn(Collection<UUID> ids);

    @Query("select c.id from SupportCase c where c.status = :status")
    List<UUID> findIdsByStatus(CaseStatus status);
}
