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

    /**
     * The summaries of these households in one statement, as a projection: lists show a household on every row and
     * need no entity of it (decision 0061). The team is the wijk's, read from the wijk row (no join of team).
     */
    @Query("select new nl.wijkroute.household.HouseholdSummary(h.id, h.displayName, w.id, w.team.id, false)"
            + " from Household h join h.wijk w where h.id in :ids")
    List<HouseholdSummary> findSummariesByIdIn(Collection<UUID> ids);

    /**
     * One household with its members, oldest first, as rows of a projection (decision 0061): what the case file and
     * the steps that check members show, without the household, wijk, team and member entities.
     */
    @Query("select new nl.wijkroute.household.HouseholdMemberRow(h.id, h.displayName, h.wijk.id, h.postcode, m.id,"
            + " m.givenName, m.familyName, m.birthDate, case when m.bsn is not null then true else false end)"
            + " from Household h left join h.members m where h.id = :id order by m.birthDate, m.id")
    List<HouseholdMemberRow> findMemberRowsById(UUID id);
}
