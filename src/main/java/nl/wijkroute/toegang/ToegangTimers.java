package nl.wijkroute.toegang;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.wijkroute.deadline.DeadlineResumed;
import nl.wijkroute.deadline.DeadlineSuspended;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the toegang process's boundary timers (bpmn/toegang.bpmn) in step with its legal term: paused
 * while the term is suspended, and on resume waiting for the term's new warning and end. The deadline
 * module computes the moments and announces the change; only this module knows the process and its ids.
 * The listeners run in the publishing transaction, so the timers move with the term or not at all.
 */
@Component
class ToegangTimers {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    ToegangTimers(RuntimeService runtimeService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    @EventListener
    void suspend(DeadlineSuspended suspended) {
        timers(suspended.toegangRequestId()).forEach(job -> managementService.suspendJobById(job.getId()));
    }

    @EventListener
    void resume(DeadlineResumed resumed) {
        List<Job> timers = timers(resumed.toegangRequestId());
        if (timers.isEmpty()) {
            return;
        }
        Set<String> warningDefinitions = managementService.createJobDefinitionQuery()
                .activityIdIn(ToegangIds.WARNING_TIMERS.toArray(String[]::new)).list().stream().map(JobDefinition::getId)
                .collect(Collectors.toSet());
        for (Job job : timers) {
            managementService.activateJobById(job.getId());
            boolean warning = warningDefinitions.contains(job.getJobDefinitionId());
            managementService.setJobDuedate(job.getId(), warning ? resumed.dates().warnAt() : resumed.dates().dueAt());
        }
    }

    /**
     * The timers that watch this request's running term (the active task's warning and breach). A request
     * may have more than one instance of the process at a time (the decision on its bezwaar beside the wait
     * for its herindicatie), all with the request as business key; only term timers count.
     */
    private List<Job> timers(java.util.UUID toegangRequestId) {
        List<String> processes = runtimeService.createProcessInstanceQuery().processDefinitionKey(ToegangIds.PROCESS)
                .processInstanceBusinessKey(toegangRequestId.toString()).list().stream().map(ProcessInstance::getId).toList();
        if (processes.isEmpty()) {
            return List.of();
        }
        Set<String> termTimers = managementService.createJobDefinitionQuery()
                .activityIdIn(ToegangIds.TERM_TIMERS.toArray(String[]::new)).list().stream().map(JobDefinition::getId)
                .collect(Collectors.toSet());
        return processes.stream().flatMap(process -> managementService.createJobQuery().processInstanceId(process).timers()
                .list().stream()).filter(job -> termTimers.contains(job.getJobDefinitionId())).toList();
    }
}
