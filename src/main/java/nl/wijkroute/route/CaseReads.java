package nl.wijkroute.route;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.household.HouseholdService;
import nl.wijkroute.household.HouseholdView;
import nl.wijkroute.privacy.access.CaseScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Route's read model of a case for other modules (the case file): the case row, its household and its open
 * tasks as records, so no other module handles the {@link SupportCase} or {@link StepHistoryEntry} entity.
 * Same queries as the entity reads they wrap; mapped inside the caller's transaction.
 */
@Service
public class CaseReads {

    private final SupportCaseService cases;
    private final RouteTaskService tasks;
    private final CaseReadMapper mapper;
    private final HouseholdService households;

    CaseReads(SupportCaseService cases, RouteTaskService tasks, CaseReadMapper mapper, HouseholdService households) {
        this.cases = cases;
        this.households = households;
        this.tasks = tasks;
        this.mapper = mapper;
    }

    /** See {@link SupportCaseService#search}. */
    @Transactional(readOnly = true)
    public Page<Summary> search(SupportCaseService.CaseFilter filter, CaseScope scope, Pageable pageable) {
        return cases.search(filter, scope, pageable).map(row -> mapper.toSummary(row.supportCase(), row.household()));
    }

    /** The case with its household, members and open tasks. */
    @Transactional(readOnly = true)
    public CaseFile file(UUID caseId) {
        SupportCase supportCase = cases.get(caseId);
        HouseholdView household = households.view(supportCase.getHouseholdId());
        return mapper.toFile(supportCase, household, tasks.openTasksOf(supportCase, household.displayName()));
    }

    /** The case's moves through the route, oldest first. */
    @Transactional(readOnly = true)
    public List<Step> history(UUID caseId) {
        return cases.history(caseId).stream().map(mapper::toStep).toList();
    }

    public record Summary(UUID id, UUID householdId, String household, String team, String wijk, CaseStatus status,
                          Stage currentStage, Instant stageEnteredAt, Instant openedAt, Instant closedAt) {
    }

    public record CaseFile(UUID id, CaseStatus status, Stage currentStage, Instant stageEnteredAt, Instant openedAt,
                           Instant closedAt, String closureReason, String team, HouseholdView household, long version,
                           List<TaskView> openTasks) {
    }

    public record Step(Stage from, Stage to, String actor, Instant movedAt, String reason) {
    }
}
