package nl.wijkroute.route;

import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.wijkroute.household.HouseholdReadModels;
import nl.wijkroute.route.step.StepCompletionCheck;
import nl.wijkroute.route.step.StepHandler;
import nl.wijkroute.route.step.StepHandlers;
import nl.wijkroute.route.step.StepInput;
import nl.wijkroute.system.MunicipalTime;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import nl.wijkroute.system.security.CurrentUser;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The werkbak: the worker's own tasks plus the unclaimed tasks of their groups; claiming, handing
 * back and completing. Completing validates the step's input, lets the step's handler record what it
 * owns, and completes the engine task; the BPMN picks the next step. All in one transaction.
 */
@Service
public class RouteTaskService {

    /** "Due before" a date means before that day starts where the wijkteams work. */

    private final TaskService taskService;
    private final StepHandlers stepHandlers;
    private final EngineActor engineActor;
    private final TaskMapper mapper;
    private final CaseAccess access;
    private final String taskTable;
    private final String processInstanceTable;
    private final NamedParameterJdbcTemplate jdbc;
    /** Looked up when a task completes: the checks read the route back (CaseReads), which uses this service. */
    private final ObjectProvider<StepCompletionCheck> completionChecks;
    private final CommandExecutor engineCommands;

    RouteTaskService(TaskService taskService,
                     StepHandlers stepHandlers, EngineActor engineActor, TaskMapper mapper, CaseAccess access,
                     ManagementService managementService, NamedParameterJdbcTemplate jdbc,
                     ObjectProvider<StepCompletionCheck> completionChecks, ProcessEngine engine) {
        this.completionChecks = completionChecks;
        this.engineCommands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        this.jdbc = jdbc;
        // Read once: each lookup is an engine command of its own (a command context per call), and the names (with
        // the engine's table prefix) never change while it runs.
        this.taskTable = managementService.getTableName(Task.class);
        this.processInstanceTable = managementService.getTableName(ProcessInstance.class);
        this.access = access;
        this.mapper = mapper;
        this.taskService = taskService;
        this.stepHandlers = stepHandlers;
        this.engineActor = engineActor;
    }

    /**
     * A page of the werkbak: the user's own tasks and the unclaimed tasks offered to their groups (their
     * team, the front office, their organisation), the engine's task priority first (the safety task after a
     * new safety signal, decision 0048), then soonest due. The scope, the filters, the order
     * and the page are all in one query, so the cost of a page does not grow with the team's open
     * tasks: it walks the index on (priority, due date, id) (V29, V43) and checks the candidate group per task with
     * EXISTS until the page is full (a TaskQuery's candidate-group "or" joins the identity links and sorts a DISTINCT
     * over every open task of the team). Tasks without a due date come last; the task id breaks ties so pages neither
     * repeat nor skip a task.
     * <p>
     * One plain read for the page (decision 0061): the tasks' columns the view shows, with each task's case (business
     * key, stage) and household name joined to the page's rows, instead of the engine's task entities (MyBatis builds
     * a whole entity per row), a read of the cases and a read of the household entities with their wijk and team. The
     * page reads one task more than it shows, so it knows whether the list goes on. The total (decision 0067) is: exact
     * from the page itself at the end of the list (room left, or full with nothing after it); counted up to
     * {@link #COUNT_CAP} where more follows within the cap's pages, in the page's own statement (decision 0076), a lower
     * bound ({@code totalIsLowerBound}) of the cap when there are more; beyond the cap's pages the tasks up to this
     * page's end and the one after it, as a lower bound. Either lower bound leaves {@code totalPages} past this page, so
     * a client that pages by {@code totalPages} alone still reaches the end, where the exact total comes; totals never
     * go down while paging on. An empty page past the end is counted exactly: within the cap's pages by the same
     * statement, beyond them whole (only a client that jumps far past the end asks for that).
     */
    @Transactional(readOnly = true)
    public PageView<TaskView> werkbak(CurrentUser user, WerkbakFilter filter, PageParams paging) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("werkbakUser", user.id());
        // Candidate-group matches are unassigned tasks only: claimed tasks belong to their assignee.
        String unclaimed = "(RES.ASSIGNEE_ is null and " + offeredToGroups(user, parameters) + ")";
        String mine = "RES.ASSIGNEE_ = #{werkbakUser}";
        StringBuilder where = new StringBuilder(" from ").append(taskTable)
                .append(" RES where ").append(switch (filter.assignment()) {
                    case MINE -> mine;
                    case UNCLAIMED -> unclaimed;
                    case ALL -> "(" + mine + " or " + unclaimed + ")";
                });
        if (filter.step() != null) {
            where.append(" and RES.TASK_DEF_KEY_ = #{werkbakStep}");
            parameters.put("werkbakStep", filter.step());
        }
        if (filter.dueBefore() != null) {
            where.append(" and RES.DUE_DATE_ < #{werkbakDueBefore}");
            parameters.put("werkbakDueBefore", Date.from(filter.dueBefore().atStartOfDay(MunicipalTime.ZONE).toInstant()));
        }
        String scoped = namedParameters(where.toString());
        String order = " order by T.PRIORITY_ desc, T.DUE_DATE_ asc nulls last, T.ID_ asc";
        String taskColumns = "RES.ID_, RES.PROC_INST_ID_, RES.TASK_DEF_KEY_, RES.NAME_, RES.ASSIGNEE_, RES.CREATE_TIME_,"
                + " RES.DUE_DATE_, RES.PRIORITY_";
        String details = " left join " + processInstanceTable + " E on E.ID_ = T.PROC_INST_ID_"
                + " left join support_case c on c.id = cast(E.BUSINESS_KEY_ as uuid)"
                + " left join " + HouseholdReadModels.DISPLAY_NAME_VIEW + " h on h.id = c.household_id";
        String shown = "select " + EngineTaskRow.COLUMNS + ", E.BUSINESS_KEY_, c.current_stage, h.display_name";
        // Within the cap's pages the page's statement counts too; beyond them the page alone is read.
        PageRows read = (long) paging.offset() + paging.size() < COUNT_CAP
                ? pageCountedWithIt(shown, taskColumns + scoped, details, order, paging, parameters)
                : new PageRows(jdbc.query(shown + " from (select " + taskColumns + scoped + order.replace("T.", "RES.")
                        + page(paging, parameters) + ") T" + details + order, parameters, WERKBAK_ROW), null);
        boolean more = read.rows().size() > paging.size();
        List<TaskView> views = more ? read.rows().subList(0, paging.size()) : read.rows();
        access.logListed(views.stream().map(TaskView::caseId).toList(), DataCategory.ROUTE);
        long known = (long) paging.offset() + views.size();
        if (!more && (!views.isEmpty() || paging.offset() == 0)) {
            return PageView.of(views, paging, known); // the end of the list: this page holds the rest
        }
        if (read.capped() != null) {
            // More follows (this page ends before the cap), or the page is past the end (the list, shorter than this
            // page's start, was counted whole): the count is exact up to the cap, a lower bound beyond it.
            long counted = read.capped();
            return counted > COUNT_CAP ? PageView.atLeast(views, paging, COUNT_CAP) : PageView.of(views, paging, counted);
        }
        if (views.isEmpty()) {
            // Past the end beyond the cap's pages: the list ends at or before this page's start, so only a whole
            // count says where.
            return PageView.of(views, paging, jdbc.queryForObject("select count(*)" + scoped, parameters, Long.class));
        }
        return PageView.atLeast(views, paging, known + 1); // beyond the cap's pages: no count tells more than the page
    }

    /** The rows a werkbak statement read (the page and the one after it), and its capped count when it made one. */
    private record PageRows(List<TaskView> rows, Long capped) {
    }

    /**
     * A page within the cap's pages and its total in one statement (decision 0076): the matching tasks up to the cap
     * and one more, in the page's order, of which the page takes its rows and a count the total. One walk of the task
     * index, one hash of the user's groups' candidate links and one snapshot, where the page and a count after it took
     * two of each. The count is joined to the page's rows so that an empty page still answers it.
     */
    private PageRows pageCountedWithIt(String shown, String matchingSelect, String details, String order,
                                       PageParams paging, Map<String, Object> parameters) {
        long[] capped = new long[1];
        List<TaskView> rows = new ArrayList<>();
        jdbc.query("with matching as materialized (select " + matchingSelect + order.replace("T.", "RES.")
                        + " limit " + (COUNT_CAP + 1) + "), counted as (select count(*) as capped from matching) "
                        + shown + ", counted.capped from counted left join ((select * from matching M"
                        + order.replace("T.", "M.") + page(paging, parameters) + ") T" + details + ") on true" + order,
                parameters, (RowCallbackHandler) (ResultSet row) -> {
                    capped[0] = row.getLong(10); // the same on every row
                    if (row.getString(1) != null) {
                        rows.add(WERKBAK_ROW.mapRow(row, rows.size()));
                    }
                });
        return new PageRows(rows, capped[0]);
    }

    /** A werkbak row: the task's columns ({@link EngineTaskRow#COLUMNS}), its case's id and stage, its household's name. */
    private static final RowMapper<TaskView> WERKBAK_ROW = (row, index) -> EngineTaskRow.read(row, 1).view(
            row.getString(7) == null ? null : UUID.fromString(row.getString(7)),
            row.getString(8) == null ? null : Stage.valueOf(row.getString(8)), row.getString(9));

    /**
     * The werkbak counts its total up to this many tasks (decision 0067): beyond it the answer says "at least 500"
     * ({@code totalIsLowerBound}), and the count stops reading the team's tasks there (PostgreSQL still hashes every
     * candidate link of the user's groups first, as the page does). 25 pages of 20: more than a worker pages through;
     * a smaller cap measured no cheaper.
     */
    public static final int COUNT_CAP = 500;

    /** Pages a worker opens often have their numbers in the statement's text; deeper pages bind them. */
    private static final int PAGES_IN_TEXT = 5;

    /**
     * The page's limit (one task more than it shows: whether the list goes on) and offset. With parameters PostgreSQL's generic plan assumes a tenth of the rows, so it planned
     * the werkbak's join anew on every call (decision 0063); as numbers in the text (ints checked by PageParams, no text
     * of the request) the first pages are a few prepared statements that keep their plan. Deeper pages bind them, so
     * paging far through a werkbak cannot fill the driver's statement cache with one text per page.
     */
    private static String page(PageParams paging, Map<String, Object> parameters) {
        if (paging.page() < PAGES_IN_TEXT) {
            return " limit " + (paging.size() + 1) + " offset " + paging.offset();
        }
        parameters.put("werkbakLimit", paging.size() + 1);
        parameters.put("werkbakOffset", paging.offset());
        return " limit :werkbakLimit offset :werkbakOffset";
    }

    /** The engine's native-query parameters ({@code #{name}}) as a NamedParameterJdbcTemplate's ({@code :name}). */
    private static String namedParameters(String nativeQuerySql) {
        return nativeQuerySql.replaceAll("#\\{(\\w+)}", ":$1");
    }

    /** Which werkbak tasks: whose (mine, my groups' unclaimed, or both), of which step, due before when. */
    public record WerkbakFilter(Assignment assignment, String step, LocalDate dueBefore) {
        public WerkbakFilter {
            assignment = assignment == null ? Assignment.ALL : assignment;
        }
    }

    public enum Assignment { MINE, UNCLAIMED, ALL }

    @Transactional
    public TaskView claim(String taskId, CurrentUser user) {
        record Claim(Task task, CaseOfTask caseOfTask, boolean unassigned) {
        }
        Claim claim = inOneEngineCommand(() -> {
            Task task = visibleTask(taskId, user);
            if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
                throw new ConflictException("Deze taak is al opgepakt door een collega.");
            }
            CaseOfTask caseOfTask = caseOf(task);
            access.logInvolved(List.of(caseOfTask.caseId()), DataCategory.ROUTE, AccessAction.UPDATE);
            return new Claim(task, caseOfTask, task.getAssignee() == null);
        }, found -> {
            if (found.unassigned()) {
                taskService.claim(taskId, user.id());
            }
        });
        // Claiming changes nothing the view shows but the assignee: no second query for the task.
        return viewWithCase(claim.task(), user.id(), claim.caseOfTask());
    }

    @Transactional
    public TaskView unclaim(String taskId, CurrentUser user) {
        Task task = visibleTask(taskId, user);
        CaseOfTask caseOfTask = caseOf(task);
        access.logInvolved(List.of(caseOfTask.caseId()), DataCategory.ROUTE, AccessAction.UPDATE);
        requireAssignedTo(task, user);
        taskService.setAssignee(taskId, null);
        return viewWithCase(task, null, caseOfTask);
    }

    @Transactional
    public <I extends StepInput> void complete(String taskId, CurrentUser user, I input) {
        inOneEngineCommand(() -> {
            Task task = visibleTask(taskId, user);
            requireAssignedTo(task, user);
            if (!stepHandlers.accepts(task.getTaskDefinitionKey(), input)) {
                throw new InvalidInputException("step",
                        "Deze taak is stap '" + task.getTaskDefinitionKey() + "'; de invoer hoort bij een andere stap.");
            }
            StepHandler<I> handler = stepHandlers.forTask(task.getTaskDefinitionKey());
            UUID caseId = caseIdOf(task);
            access.logInvolved(List.of(caseId), DataCategory.ROUTE, AccessAction.UPDATE);
            VariableMap variables = Variables.fromMap(handler.apply(caseId, user.username(), input));
            // Rules across steps (the safety question at plan and evaluatie) after the step's own, same transaction.
            completionChecks.orderedStream().forEach(check -> variables.putAll(check.check(caseId, task.getTaskDefinitionKey(), user.username(), input)));
            if (input.reason() != null && !input.reason().isBlank()) {
                variables.putValueTyped(RouteVariables.MOVE_REASON, Variables.stringValue(input.reason(), true));
            }
            return variables;
        }, variables -> engineActor.as(user.id(), () -> taskService.complete(taskId, variables)));
    }

    /**
     * Runs our checks and then the engine's work in ONE engine command (issue 14): the task that
     * {@link #visibleTask} loads lands in the command's entity cache, so the engine's claim or complete inside
     * it finds the task there instead of selecting it again. Our own refusals ({@code ours}: 404, 409, 400 with
     * texts that may name a member) are carried out of the command and thrown after it, so the engine neither
     * logs them as command failures nor sees them at all; the engine's own work ({@code engineWork}) fails as
     * it did before. Everything stays in the caller's Spring transaction. Only the application's problem
     * exceptions count as a refusal: anything else (a PostgreSQL or engine error) fails the command as such and
     * keeps its own mapping, instead of the command closing and flushing as if nothing had gone wrong.
     */
    private <T> T inOneEngineCommand(Supplier<T> ours, Consumer<T> engineWork) {
        RuntimeException[] refused = new RuntimeException[1];
        T result = engineCommands.execute(commandContext -> {
            T prepared;
            try {
                prepared = ours.get();
            } catch (NotFoundException | ConflictException | InvalidInputException refusal) {
                refused[0] = refusal;
                return null;
            }
            engineWork.accept(prepared);
            return prepared;
        });
        if (refused[0] != null) {
            throw refused[0];
        }
        return result;
    }

    /**
     * A task the user may see: assigned to them or offered to one of their groups (their team, the front
     * office, their organisation), the same scoping the werkbak uses. Others do not exist. One native
     * query with the candidate-group check in it, instead of a task query plus the task's identity links
     * (which loads the task, its execution and its process definition once more).
     */
    private Task visibleTask(String taskId, CurrentUser user) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("visibleTaskId", taskId);
        parameters.put("visibleUser", user.id());
        NativeTaskQuery query = taskService.createNativeTaskQuery().sql("select RES.* from "
                + taskTable + " RES where RES.ID_ = #{visibleTaskId}"
                + " and (RES.ASSIGNEE_ = #{visibleUser} or " + offeredToGroups(user, parameters) + ")");
        parameters.forEach(query::parameter);
        Task task = query.singleResult();
        if (task == null) {
            throw new NotFoundException("Taak " + taskId + " bestaat niet.");
        }
        return task;
    }

    /**
     * SQL (native task query, task alias RES): the task is offered to one of the user's candidate groups. An
     * organisation's group takes only the casusregisseur's route steps from the werkbak (regie, evaluatie:
     * {@link RegieWork}); its other tasks, the decision on a warme overdracht, go through /handovers.
     */
    private static String offeredToGroups(CurrentUser user, Map<String, Object> parameters) {
        List<String> groups = user.candidateGroups();
        if (groups.isEmpty()) {
            return "1 = 0";
        }
        String organisationGroup = user.organisation() == null || user.organisation().isBlank()
                ? null : CurrentUser.organisationGroup(user.organisation());
        List<String> groupParameters = new java.util.ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (!groups.get(i).equals(organisationGroup)) {
                groupParameters.add("#{candidateGroup" + i + "}");
                parameters.put("candidateGroup" + i, groups.get(i));
            }
        }
        List<String> offered = new java.util.ArrayList<>();
        if (!groupParameters.isEmpty()) {
            offered.add("I.GROUP_ID_ in (" + String.join(", ", groupParameters) + ")");
        }
        if (organisationGroup != null) {
            parameters.put("organisationGroup", organisationGroup);
            offered.add("(I.GROUP_ID_ = #{organisationGroup} and RES.TASK_DEF_KEY_ in ("
                    + RegieWork.STEPS.stream().map(step -> "'" + step + "'").collect(Collectors.joining(", ")) + "))");
        }
        return "exists (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = '"
                + IdentityLinkType.CANDIDATE + "' and (" + String.join(" or ", offered) + "))";
    }

    private static void requireAssignedTo(Task task, CurrentUser user) {
        if (task.getAssignee() == null) {
            throw new ConflictException("Pak de taak eerst op (claim) voordat je hem afrondt of teruggeeft.");
        }
        if (!task.getAssignee().equals(user.id())) {
            throw new ConflictException("Deze taak is opgepakt door een collega.");
        }
    }

    /**
     * The case of a task, inside the engine command of {@link #complete}: its process instance through the command's
     * entity manager, whose cache the engine's completion reads next (decision 0060). For a task on the process
     * instance's own execution (the route's steps) that is the one select of the execution the completion needs anyway,
     * instead of a plain read of the business key beside it.
     */
    private static UUID caseIdOf(Task task) {
        ExecutionEntity processInstance = Context.getCommandContext().getExecutionManager()
                .findExecutionById(task.getProcessInstanceId());
        if (processInstance == null || processInstance.getBusinessKey() == null) {
            throw new IllegalStateException("Task without a running route: " + task.getProcessInstanceId());
        }
        return UUID.fromString(processInstance.getBusinessKey());
    }

    /**
     * The view of a task of a known case just (un)claimed, with its new assignee: neither the task nor the case is
     * read again.
     */
    private TaskView viewWithCase(Task task, String assignee, CaseOfTask caseOfTask) {
        TaskView view = mapper.toView(task, caseOfTask.caseId(), caseOfTask.stage(), caseOfTask.household(), null);
        return new TaskView(view.id(), view.taskKey(), view.name(), view.caseId(), view.household(), view.caseStage(),
                assignee, assigneeName(assignee), view.created(), view.due());
    }

    /** The case a task belongs to, as much of it as a task view shows (no entity). */
    private record CaseOfTask(UUID caseId, Stage stage, String household) {
    }

    /**
     * The case of a task: its process instance's business key (the case id) with the case's stage and household name,
     * one plain read of the engine's execution, the case row and household's display-name view, joined as the werkbak
     * page joins them.
     */
    private CaseOfTask caseOf(Task task) {
        List<CaseOfTask> found = jdbc.query("select E.BUSINESS_KEY_, c.current_stage, h.display_name from "
                        + processInstanceTable
                        + " E left join support_case c on c.id = cast(E.BUSINESS_KEY_ as uuid)"
                        + " left join " + HouseholdReadModels.DISPLAY_NAME_VIEW + " h on h.id = c.household_id"
                        + " where E.ID_ = :id",
                Collections.singletonMap("id", task.getProcessInstanceId()), (row, index) -> {
                    String stage = row.getString(2);
                    return new CaseOfTask(UUID.fromString(row.getString(1)), stage == null ? null : Stage.valueOf(stage),
                            row.getString(3));
                });
        if (found.isEmpty()) {
            throw new NotFoundException("Procesinstantie " + task.getProcessInstanceId() + " bestaat niet.");
        }
        return found.get(0);
    }

    /** The engine keeps ids only (no names in its history); the name shown is the signed-in user's own. */
    static String assigneeName(String assignee) {
        return CurrentUser.current().filter(user -> user.id().equals(assignee)).map(CurrentUser::username).orElse(null);
    }
}
