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

    /** Cases with their household, wijk and team in one statement: a list shows the household on every row. */
    @Query("""
            select c from SupportCase c join fetch c.household h join fetch h.wijk w join fetch w.team
                   join fetch c.team where c.id in :ids""")
    List<SupportCase> findWithHouseholdByIdIn(Collection<UUID> ids);

    /** One case with everything its case file shows of the household (members included), in one statement. */
    @Query("""
            select c from SupportCase c join fetch c.household h join fetch h.wijk w join fetch w.team
                   join fetch c.team left join fetch h.members where c.id = :id""")
    Optional<SupportCase> findFileById(UUID id);

    @Query("select c.id from SupportCase c where c.status = :status")
    List<UUID> findIdsByStatus(CaseStatus status);
}
