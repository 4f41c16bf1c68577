package nl.wijkroute.route;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.household.HouseholdService;
import nl.wijkroute.household.HouseholdView;
import nl.wijkroute.privacy.access.CaseScope;
import nl.wijkroute.system.problem.NotFoundException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Route's read model of a case for other modules (the case file): the case row, its household and its open
 * tasks as records, so no other module handles the {@link SupportCase} or {@link StepHistoryEntry} entity.
 * Mapped inside the caller's transaction.
 */
@Service
public class CaseReads {

    private final SupportCaseService cases;
    private final CaseReadMapper mapper;
    private final HouseholdService households;
    private final NamedParameterJdbcTemplate jdbc;
    private final String taskTable;
    private final String processInstanceTable;

    CaseReads(SupportCaseService cases, CaseReadMapper mapper, HouseholdService households, NamedParameterJdbcTemplate jdbc,
              ManagementService managementService) {
        this.cases = cases;
        this.households = households;
        this.mapper = mapper;
        this.jdbc = jdbc;
        // Read once, as RouteTaskService does: each lookup is an engine command of its own.
        this.taskTable = managementService.getTableName(Task.class);
        this.processInstanceTable = managementService.getTableName(ProcessInstance.class);
    }

    /** See {@link SupportCaseService#search}. */
    @Transactional(readOnly = true)
    public Page<Summary> search(SupportCaseService.CaseFilter filter, CaseScope scope, Pageable pageable) {
        return cases.search(filter, scope, pageable).map(row -> mapper.toSummary(row.supportCase(), row.household()));
    }

    /**
     * The case with its household, members and open tasks. The case row and its open tasks in one plain read (the
     * tasks found by the case's business key, oldest first; decision 0061), the household with its members through
     * household's API: two statements, and no case or engine task entities built for a page that only shows them.
     */
    @Transactional(readOnly = true)
    public CaseFile file(UUID caseId) {
        record Row(UUID householdId, CaseStatus status, Stage currentStage, Instant stageEnteredAt, Instant openedAt,
                   Instant closedAt, String closureReason, String team, long version) {
        }
        Row[] found = new Row[1];
        List<EngineTaskRow> open = new ArrayList<>();
        jdbc.query("select c.household_id, c.status, c.current_stage, c.stage_entered_at, c.opened_at, c.closed_at,"
                        + " c.closure_reason, c.team_id, c.version, " + EngineTaskRow.COLUMNS
                        + " from support_case c left join (" + processInstanceTable
                        + " E join " + taskTable + " T on T.PROC_INST_ID_ = E.ID_)"
                        + " on E.BUSINESS_KEY_ = cast(c.id as varchar) where c.id = :caseId"
                        + " order by T.CREATE_TIME_ asc, T.ID_ asc",
                Map.of("caseId", caseId), row -> {
                    if (found[0] == null) {
                        found[0] = new Row(row.getObject(1, UUID.class), CaseStatus.valueOf(row.getString(2)),
                                Stage.valueOf(row.getString(3)), instant(row.getTimestamp(4)), instant(row.getTimestamp(5)),
                                instant(row.getTimestamp(6)), row.getString(7), row.getString(8), row.getLong(9));
                    }
                    EngineTaskRow task = EngineTaskRow.read(row, 10);
                    if (task != null) {
                        open.add(task);
                    }
                });
        Row supportCase = found[0];
        if (supportCase == null) {
            throw new NotFoundException("Casus " + caseId + " bestaat niet.");
        }
        HouseholdView household = households.view(supportCase.householdId());
        List<TaskView> openTasks = open.stream()
                .map(task -> task.view(caseId, supportCase.currentStage(), household.displayName())).toList();
        return new CaseFile(caseId, supportCase.status(), supportCase.currentStage(), supportCase.stageEnteredAt(),
                supportCase.openedAt(), supportCase.closedAt(), supportCase.closureReason(), supportCase.team(), household,
                supportCase.version(), openTasks);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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
