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

    @Query("select c from SupportCase c where c.household.id = :householdId and c.status in :statuses")
    Optional<SupportCase> findByHouseholdAndStatusIn(UUID householdId, Collection<CaseStatus> statuses);

    List<SupportCase> findByStatusAndCurrentStageAndStageEnteredAtBefore(CaseStatus status, Stage stage, Instant before);

    @Query("select c.id from SupportCase c where c.status = :status")
    List<UUID> findIdsByStatus(CaseStatus status);
}
