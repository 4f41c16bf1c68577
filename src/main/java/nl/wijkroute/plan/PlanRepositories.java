package nl.wijkroute.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.Repository;

interface PlanRepository extends JpaRepository<Plan, UUID> {

    Optional<Plan> findFirstByCaseIdOrderByCreatedAtDesc(UUID caseId);

    Optional<Plan> findByHouseholdIdAndStatus(UUID householdId, Plan.Status status);
}

/** Versions are only added and read. */
interface PlanVersionRepository extends Repository<PlanVersion, PlanVersion.Key> {

    PlanVersion saveAndFlush(PlanVersion version);

    Optional<PlanVersion> findByPlanIdAndNumber(UUID planId, int number);

    List<PlanVersion> findByPlanIdOrderByNumberAsc(UUID planId);
}
