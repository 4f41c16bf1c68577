package nl.wijkroute.route.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Date;
import java.util.List;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.StatementCounting;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The engine's history is written as before, without reading a row's start time for an update that ends nothing
 * (decision 0076): a claim records its assignee in the task's and the activity's history without the two reads, and
 * the durations of what ends are still end minus start.
 */
@Import(StatementCounting.class)
class HistoryStartTimePluginTest extends ApiTestSupport {

    private static final String PROCESS = "historyStartTimeProbe";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    private String deploymentId;

    @AfterEach
    void removeProbe() {
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void aClaimWritesItsAssigneeWithoutReadingStartTimesAndWhatEndsKeepsItsDuration() throws Exception {
        String instance = startProbe();
        Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        Date taskStarted = historicTask(instance).getStartTime();
        Date workStarted = historicWork(instance).getStartTime();
        Thread.sleep(5);

        StatementCounting.Counted<Void> claim = StatementCounting.count(() -> {
            tasks.claim(task.getId(), "probe-user");
            return null;
        });

        assertThat(oneLine(claim.queries())).as("the claim's statements").noneMatch(sql -> sql.contains("START_TIME_ from"))
                .anyMatch(sql -> sql.startsWith("update ACT_HI_TASKINST"))
                .anyMatch(sql -> sql.startsWith("UPDATE ACT_HI_ACTINST"));
        assertThat(historicTask(instance).getAssignee()).isEqualTo("probe-user");
        assertThat(historicWork(instance).getAssignee()).isEqualTo("probe-user");
        assertThat(historicTask(instance).getStartTime()).isEqualTo(taskStarted);
        assertThat(historicWork(instance).getStartTime()).isEqualTo(workStarted);

        Thread.sleep(5);
        StatementCounting.Counted<Void> complete = StatementCounting.count(() -> {
            tasks.complete(task.getId());
            return null;
        });

        assertThat(oneLine(complete.queries())).as("an ending update still reads the start time it computes the duration from")
                .anyMatch(sql -> sql.contains("HTI.START_TIME_ from")).anyMatch(sql -> sql.contains("HAI.START_TIME_ from"));
        HistoricTaskInstance endedTask = historicTask(instance);
        HistoricActivityInstance endedWork = historicWork(instance);
        HistoricProcessInstance endedInstance = history.createHistoricProcessInstanceQuery().processInstanceId(instance)
                .singleResult();
        assertThat(endedTask.getStartTime()).isEqualTo(taskStarted);
        assertThat(endedWork.getStartTime()).isEqualTo(workStarted);
        assertThat(storedDuration("ACT_HI_TASKINST", endedTask.getId()))
                .isEqualTo(endedTask.getEndTime().getTime() - endedTask.getStartTime().getTime()).isPositive();
        assertThat(storedDuration("ACT_HI_ACTINST", endedWork.getId()))
                .isEqualTo(endedWork.getEndTime().getTime() - endedWork.getStartTime().getTime()).isPositive();
        assertThat(storedDuration("ACT_HI_PROCINST", endedInstance.getId()))
                .isEqualTo(endedInstance.getEndTime().getTime() - endedInstance.getStartTime().getTime()).isPositive();
        assertThat(endedTask.getAssignee()).isEqualTo("probe-user");
    }

    /**
     * Updated and ended in one command (nested service calls, as RouteTaskService's one engine command makes them): the
     * engine ends the very event the handler merged without its start time (the activity's on the claim, the process
     * instance's on its suspension and activation), and the durations are still end minus start.
     */
    @Test
    void anInstanceUpdatedAndEndedInOneCommandKeepsItsDuration() throws Exception {
        String instance = startProbe();
        Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        Date workStarted = historicWork(instance).getStartTime();
        Thread.sleep(5);

        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(commandContext -> {
                    runtime.suspendProcessInstanceById(instance);   // the process instance's history updated (state)
                    runtime.activateProcessInstanceById(instance);
                    tasks.claim(task.getId(), "probe-user");
                    tasks.complete(task.getId());
                    return null;
                });

        HistoricActivityInstance endedWork = historicWork(instance);
        HistoricTaskInstance endedTask = historicTask(instance);
        HistoricProcessInstance endedInstance = history.createHistoricProcessInstanceQuery().processInstanceId(instance)
                .singleResult();
        assertThat(endedWork.getStartTime()).isEqualTo(workStarted);
        // (The activity's assignee is not kept here, by the engine either: the ending event it writes carries no assignee.)
        assertThat(storedDuration("ACT_HI_ACTINST", endedWork.getId())).as("the activity's duration")
                .isEqualTo(endedWork.getEndTime().getTime() - endedWork.getStartTime().getTime()).isPositive();
        assertThat(storedDuration("ACT_HI_TASKINST", endedTask.getId())).as("the task's duration")
                .isEqualTo(endedTask.getEndTime().getTime() - endedTask.getStartTime().getTime()).isPositive();
        assertThat(endedInstance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(storedDuration("ACT_HI_PROCINST", endedInstance.getId())).as("the process instance's duration")
                .isEqualTo(endedInstance.getEndTime().getTime() - endedInstance.getStartTime().getTime()).isPositive();
    }

    @Test
    void theEngineWritesHistoryThroughThisHandlerAloneNotTheDefaultBesideIt() throws Exception {
        HistoryEventHandler handler = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getHistoryEventHandler();

        assertThat(handler).isExactlyInstanceOf(CompositeHistoryEventHandler.class);
        assertThat(handlersOf((CompositeHistoryEventHandler) handler))
                .filteredOn(DbHistoryEventHandler.class::isInstance)
                .singleElement().isInstanceOf(HistoryStartTimePlugin.StartTimeReadWhenEnding.class);
    }

    /**
     * The handler repeats the engine's DbHistoryEventHandler.insertOrUpdate for an update without an end time, and relies
     * on the engine's update statements of ACT_HI_TASKINST, ACT_HI_ACTINST, ACT_HI_PROCINST and the case tables writing
     * DURATION_ only together with END_TIME_. An upgrade of the engine is where to compare both again, then move this
     * version on.
     */
    @Test
    void theEngineIsTheVersionWhoseHistoryHandlerThePluginRepeats() {
        assertThat(ProductPropertiesUtil.getProductVersion()).isEqualTo("7.24.0");
    }

    /** The DURATION_ column as written (the API's getDurationInMillis computes one from start and end when it is null). */
    private Long storedDuration(String table, String id) {
        return jdbc.queryForObject("select DURATION_ from " + table + " where ID_ = ?", Long.class, id);
    }

    /** Deploys the probe (start, one user task "work", end; removed after the test) and starts an instance of it. */
    private String startProbe() {
        deploymentId = repository.createDeployment().addModelInstance(PROCESS + ".bpmn",
                Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("work").endEvent().done()).deploy().getId();
        return runtime.startProcessInstanceByKey(PROCESS).getId();
    }

    private HistoricTaskInstance historicTask(String instance) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(instance).singleResult();
    }

    private HistoricActivityInstance historicWork(String instance) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("work").singleResult();
    }

    private static List<String> oneLine(List<String> statements) {
        return statements.stream().map(sql -> sql.replaceAll("\\s+", " ").trim()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<HistoryEventHandler> handlersOf(CompositeHistoryEventHandler composite) throws Exception {
        Field handlers = CompositeHistoryEventHandler.class.getDeclaredField("historyEventHandlers");
        handlers.setAccessible(true);
        return (List<HistoryEventHandler>) handlers.get(composite);
    }
}
