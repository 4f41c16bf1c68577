package nl.wijkroute.household;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HouseholdRepository extends JpaRepository<Household, UUID> {

    @Query("select m.household from HouseholdMember m where m.bsn = :bsn")
    Optional<Household> findByMemberBsn(String bsn);

    /** Households with their wijk and team in one statement. */
    @Query("select h from Household h join fetch h.wijk w join fetch w.team where h.id in :ids")
    List<Household> findWithWijkByIdIn(Collection<UUID> ids);

    /** One household with its wijk, team and members in one statement. */
    @Query("select h from Household h join fetch h.wijk w join fetch w.team left join fetch h.members where h.id = :id")
    Optional<Household> findWithMembersById(UUID id);
}
