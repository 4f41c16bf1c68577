package nl.wijkroute.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A job whose retries run out stops a case's route (an incident). The operator sees it in Prometheus and in the
 * admin API, fixes the cause and retries; the route goes on.
 */
@AutoConfigureObservability(tracing = false)
class FailedJobApiTest extends ApiTestSupport {

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    EngineMetrics engineMetrics;

    @Test
    void anOperatorRetriesAFailedTimerAndTheRouteGoesOn() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.frontoffice(), triage("SHORT_ROUTE", "SINGLE", false, null));
        step(caseId, "toeleiding", TestUsers.wijkcoach(), Map.of("outcome", "CONNECTED", "connectedTo", "Voedselbank"));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString())
                .processDefinitionKey("routekaart").singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();

        // The nazorg check cannot be created (its candidate group is gone): every attempt fails.
        Object group = runtime.getVariable(instance, "candidateGroup");
        runtime.removeVariable(instance, "candidateGroup");
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(timer.getId())).isNotNull();
        }
        assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);

        engineMetrics.forgetSnapshot();
        String metrics = mvc.perform(get("/actuator/prometheus").with(TestUsers.admin())).andReturn().getResponse()
                .getContentAsString();
        assertThat(gauge(metrics, "wijkroute_engine_jobs_failed")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(metrics, "wijkroute_engine_incidents_open\\{type=\"failedJob\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("wijkroute_engine_jobs_overdue").contains("wijkroute_engine_job_acquisition_attempts_total");

        JsonNode failed = allItems("/api/v1/admin/failed-jobs", TestUsers.admin());
        assertThat(failed).anySatisfy(job -> {
            assertThat(job.get("id").asText()).isEqualTo(timer.getId());
            assertThat(job.get("caseId").asText()).isEqualTo(caseId.toString());
            assertThat(job.get("activityId").asText()).as("where it failed").isEqualTo("nazorgControle");
        });

        runtime.setVariable(instance, "candidateGroup", group);
        MvcResult retried = mvc.perform(post("/api/v1/admin/failed-jobs/" + timer.getId() + "/retry")
                .with(TestUsers.admin())).andReturn();
        assertThat(retried.getResponse().getStatus()).as(retried.getResponse().getContentAsString()).isEqualTo(204);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).as("incident resolved").isZero();

        management.executeJob(timer.getId()); // what the job executor of any instance does next
        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("currentStage").asText())
                .isEqualTo("NAZORG_CONTROLE");
        assertThat(allItems("/api/v1/admin/failed-jobs", TestUsers.admin()))
                .noneMatch(job -> job.get("id").asText().equals(timer.getId()));
    }

    @Test
    void onlyAnAdminSeesOrRetriesFailedJobs() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/admin/failed-jobs").with(TestUsers.wijkcoach())).andReturn(), 403);
        assertProblem(mvc.perform(post("/api/v1/admin/failed-jobs/x/retry").with(TestUsers.manager())).andReturn(), 403);
        assertProblem(mvc.perform(get("/api/v1/admin/failed-jobs")).andReturn(), 401);
    }

    @Test
    void retryingAJobThatDidNotFailOrDoesNotExistIsRefused() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.frontoffice(), triage("SHORT_ROUTE", "SINGLE", false, null));
        step(caseId, "toeleiding", TestUsers.wijkcoach(), Map.of("outcome", "CONNECTED", "connectedTo", "Voedselbank"));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString())
                .processDefinitionKey("routekaart").singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();

        assertProblem(mvc.perform(post("/api/v1/admin/failed-jobs/" + timer.getId() + "/retry").with(TestUsers.admin()))
                .andReturn(), 409);
        assertProblem(mvc.perform(post("/api/v1/admin/failed-jobs/no-such-job/retry").with(TestUsers.admin()))
                .andReturn(), 404);
        assertProblem(mvc.perform(post("/api/v1/admin/failed-jobs/" + "x".repeat(65) + "/retry").with(TestUsers.admin()))
                .andReturn(), 400, "id");
        assertProblem(mvc.perform(get("/api/v1/admin/failed-jobs?size=101").with(TestUsers.admin())).andReturn(), 400, "size");
    }

    private static double gauge(String metrics, String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.E+-]+)$").matcher(metrics);
        assertThat(value.find()).as(name + " in the scrape").isTrue();
        return Double.parseDouble(value.group(2));
    }
}
