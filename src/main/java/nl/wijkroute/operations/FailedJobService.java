package nl.wijkroute.operations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.NotFoundException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs whose retries are exhausted (an open incident): the route of their case stands still until an
 * operator has fixed the cause and retries (what Cockpit's "retry" does, for scripts; decision 0042).
 */
@Service
public class FailedJobService {

    private final ManagementService management;
    private final RuntimeService runtime;

    FailedJobService(ManagementService management, RuntimeService runtime) {
        this.management = management;
        this.runtime = runtime;
    }

    /**
     * A failed job: where it stands (the BPMN activity) and of which case (the route's business key). No
     * exception text: it can quote process data.
     */
    public record FailedJob(String id, String caseId, String processDefinitionKey, String processInstanceId,
                            String activityId, Instant dueDate) {
    }

    @Transactional(readOnly = true)
    public PageView<FailedJob> failed(PageParams paging) {
        long total = management.createJobQuery().noRetriesLeft().count();
        List<Job> jobs = management.createJobQuery().noRetriesLeft().orderByJobId().asc()
                .listPage(paging.offset(), paging.size());
        Set<String> instanceIds = jobs.stream().map(Job::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, ProcessInstance> instances = instanceIds.isEmpty() ? Map.of()
                : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                        .collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
        return PageView.of(jobs.stream().map(job -> {
            ProcessInstance instance = instances.get(job.getProcessInstanceId());
            return new FailedJob(job.getId(), instance == null ? null : instance.getBusinessKey(),
                    job.getProcessDefinitionKey(), job.getProcessInstanceId(), job.getFailedActivityId(),
                    job.getDuedate() == null ? null : job.getDuedate().toInstant());
        }).toList(), paging, total);
    }

    /**
     * One more attempt: the job executor of any instance picks it up at its next acquisition; setting retries
     * resolves the job's incident. Only for a job that has failed: a job that still has retries runs anyway.
     */
    @Transactional
    public void retry(String jobId) {
        Job job = management.createJobQuery().jobId(jobId).singleResult();
        if (job == null) {
            throw new NotFoundException("Deze job bestaat niet (meer).", "id");
        }
        if (job.getRetries() > 0) {
            throw new ConflictException("Deze job is niet mislukt: hij heeft nog pogingen over.");
        }
        management.setJobRetries(jobId, 1);
    }
}
