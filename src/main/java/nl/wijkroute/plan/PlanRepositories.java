package nl.wijkroute.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The plan's reads on the route (plan step, plan calls, handovers) are query strings, whose SQL Hibernate translates once
 * and keeps; a derived query (criteria) is translated anew on every call (decision 0071).
 */
interface PlanRepository extends JpaRepository<Plan, UUID> {

    @Query("select p from Plan p where p.caseId = :caseId order by p.createdAt desc limit 1")
    Optional<Plan> findFirstByCaseIdOrderByCreatedAtDesc(UUID caseId);

    @Query("select p from Plan p where p.householdId = :householdId and p.status = :status")
    Optional<Plan> findByHouseholdIdAndStatus(UUID householdId, Plan.Status status);

    /**
     * Whether the household has a plan in this status. A count, not {@link #findByHouseholdIdAndStatus}: a new plan's
     * check finds none, and Spring Data answers an empty {@code Optional} by catching an exception built with the whole
     * request's stack (decision 0074).
     */
    @Query("select count(p) from Plan p where p.householdId = :householdId and p.status = :status")
    long countByHouseholdIdAndStatus(UUID householdId, Plan.Status status);

    /**
     * Whether the case's newest plan is active and its current version holds the household's agreement: one statement
     * that reads the one field, instead of the plan and then its whole version, deserialised, for one null check (the
     * route asks it at every completion of the plan step; decision 0071).
     */
    @Query(value = """
            select coalesce((select p.status = 'ACTIVE' and jsonb_typeof(v.content -> 'agreement') = 'object'
                             from plan p left join plan_version v on v.plan_id = p.id and v.number = p.current_version
                             where p.case_id = :caseId order by p.created_at desc limit 1), false)""", nativeQuery = true)
    boolean isNewestPlanAgreed(UUID caseId);
}

/** Versions are only added and read. */
interface PlanVersionRepository extends Repository<PlanVersion, PlanVersion.Key> {

    PlanVersion saveAndFlush(PlanVersion version);

    @Query("select v from PlanVersion v where v.planId = :planId and v.number = :number")
    Optional<PlanVersion> findByPlanIdAndNumber(UUID planId, int number);

    List<PlanVersion> findByPlanIdOrderByNumberAsc(UUID planId);
}
