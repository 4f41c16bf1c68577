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

    /** The household's one case that is not closed (open or in nazorg), if it has one; a new household has none. */
    default Optional<SupportCase> notClosedOf(UUID householdId) {
        return findNotClosedByHouseholdId(householdId).stream().findFirst();
    }

    /**
     * At most one row: one case per household that is not closed (the database's unique index, whose condition the
     * statuses here repeat as literals so it can serve the query). Decision 0074, for every signal of a new household:
     * <ul>
     *   <li>a list rather than an {@code Optional}: Spring Data answers an empty {@code Optional} by catching the
     *   {@code NoResultException} Hibernate throws, built with the whole request's stack;</li>
     *   <li>the statuses as literals, not a list parameter: Hibernate translates a query with a list parameter to SQL
     *   anew on every call (a fifth of a signal's request CPU in the profile), since the SQL depends on the list's
     *   length.</li>
     * </ul>
     */
    @Query("select c from SupportCase c where c.householdId = :householdId"
            + " and c.status in (nl.wijkroute.route.CaseStatus.OPEN, nl.wijkroute.route.CaseStatus.NAZORG)")
    List<SupportCase> findNotClosedByHouseholdId(UUID householdId);

    List<SupportCase> findByStatusAndCurrentStageAndStageEnteredAtBefore(CaseStatus status, Stage stage, Instant before);

    /** Cases by id in one statement (their households: one more, see {@code SupportCaseService#withHouseholds}). */
    List<SupportCase> findByIdIn(Collection<UUID> ids);

    @Query("select c.id from SupportCase c where c.status = :status")
    List<UUID> findIdsByStatus(CaseStatus status);
}
