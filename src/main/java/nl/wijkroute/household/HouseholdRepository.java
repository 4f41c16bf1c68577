package nl.wijkroute.household;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HouseholdRepository extends JpaRepository<Household, UUID> {

    @Query("select m.household from HouseholdMember m where m.bsn = :bsn")
    Optional<Household> findByMemberBsn(String bsn);
}
