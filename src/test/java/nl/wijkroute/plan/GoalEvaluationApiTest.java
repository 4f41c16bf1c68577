package nl.wijkroute.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Issue 16.5: whether a goal was attained is recorded at evaluatie, per goal of the current plan. */
class GoalEvaluationApiTest extends ApiTestSupport {

    @Test
    void atEvaluatieTheTeamRecordsPerGoalWhetherItWasAttained() throws Exception {
        UUID caseId = caseInRegie();
        String goalId = getJson("/api/v1/cases/" + caseId + "/plan", TestUsers.wijkcoach()).get("goals").get(0).get("id").asText();
        int before = evaluations();

        assertProblem(evaluate(caseId, goalId, TestUsers.wijkcoach(), Map.of("attainment", "ATTAINED")), 409);
        step(caseId, "regie", TestUsers.wijkcoach(), outcome("TO_EVALUATIE", null));

        assertProblem(evaluate(caseId, goalId, TestUsers.wijkcoach(), Map.of()), 400, "attainment");
        assertProblem(evaluate(caseId, goalId, TestUsers.wijkcoach(), Map.of("attainment", "BIJNA")), 400, "attainment");
        assertProblem(evaluate(caseId, UUID.randomUUID().toString(), TestUsers.wijkcoach(), Map.of("attainment", "ATTAINED")), 404);
        assertProblem(evaluate(caseId, goalId, TestUsers.wijkcoach2(), Map.of("attainment", "ATTAINED")), 404);
        assertProblem(evaluate(caseId, goalId, TestUsers.partnerGgz(), Map.of("attainment", "ATTAINED")), 403);
        assertThat(evaluations()).as("nothing recorded by a refused call").isEqualTo(before);

        int logged = planUpdatesLogged(caseId);
        MvcResult partly = evaluate(caseId, goalId, TestUsers.wijkcoach(), Map.of("attainment", "PARTLY"));
        assertThat(partly.getResponse().getStatus()).as(partly.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode recorded = read(partly);
        assertThat(recorded.get("goalId").asText()).isEqualTo(goalId);
        assertThat(recorded.get("leefgebied").asText()).isEqualTo("FINANCIEN");
        assertThat(recorded.get("attainment").asText()).isEqualTo("PARTLY");
        assertThat(recorded.get("evaluatedBy").asText()).isEqualTo("wijkcoach");
        assertThat(evaluate(caseId, goalId, TestUsers.wijkcoach(), Map.of("attainment", "ATTAINED")).getResponse().getStatus())
                .as("evaluated again: a history, not an overwrite").isEqualTo(201);
        assertThat(evaluations()).isEqualTo(before + 2);
        assertThat(planUpdatesLogged(caseId)).as("every write is logged").isEqualTo(logged + 2);
    }

    private MvcResult evaluate(UUID caseId, String goalId, org.springframework.test.web.servlet.request.RequestPostProcessor user,
                               Map<String, Object> body) throws Exception {
        return send(post("/api/v1/cases/" + caseId + "/plan/goals/" + goalId + "/evaluation"), user, body);
    }

    private int planUpdatesLogged(UUID caseId) {
        return jdbc.queryForObject("select count(*) from access_log where case_id = ? and username = 'wijkcoach' "
                + "and data_category = 'PLAN' and action = 'UPDATE' and outcome = 'GRANTED'", Integer.class, caseId);
    }

    private int evaluations() {
        return jdbc.queryForObject("select count(*) from plan_goal_evaluation", Integer.class);
    }
}
