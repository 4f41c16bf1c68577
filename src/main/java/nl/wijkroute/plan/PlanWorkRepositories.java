package nl.wijkroute.plan;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.Repository;

interface PlanActionStateRepository extends JpaRepository<PlanActionState, PlanActionState.Key> {

    List<PlanActionState> findByPlanId(UUID planId);
}

/** Events are only added and read. */
interface PlanActionEventRepository extends Repository<PlanActionEvent, UUID> {

    PlanActionEvent save(PlanActionEvent event);

    List<PlanActionEvent> findByPlanIdAndActionIdOrderByRecordedAtAsc(UUID planId, UUID actionId);
}

interface PlanChangeProposalRepository extends JpaRepository<PlanChangeProposal, UUID> {

    List<PlanChangeProposal> findByCaseIdOrderByProposedAtAsc(UUID caseId);

    List<PlanChangeProposal> findByCaseIdAndOrganisationIdInOrderByProposedAtAsc(UUID caseId, Collection<String> organisations);
}
