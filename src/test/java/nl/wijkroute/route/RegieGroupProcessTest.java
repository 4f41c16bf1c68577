package nl.wijkroute.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.TestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Regie held by a partner is real (decision 0044): an accepted warme overdracht of regie moves the case's
 * regie and evaluatie steps, open and later ones, to the receiving organisation's group; the plan stays with
 * the team; a hand-back (again a warme overdracht) moves them back.
 */
@Deployment(resources = {"bpmn/routekaart.bpmn", "bpmn/warme-overdracht.bpmn"})
class RegieGroupProcessTest {

    private static final EmbeddedPostgres POSTGRES = TestEngines.postgres();
    // Not final: the Camunda extension injects the engine into ProcessEngine fields (the same instance).
    private static ProcessEngine ENGINE = TestEngines.engine("regie-group-process-test", POSTGRES, (execution, stage) -> { });

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

    private String caseId;
    /** The group the acceptance hands the regie work to (the application derives it from the new casusregisseur). */
    private String acceptedGroup;

    @BeforeEach
    void acceptanceMovesTheRegieWork() {
        BpmnAwareTests.init(ENGINE);
        caseId = UUID.randomUUID().toString();
        RegieWork regieWork = new RegieWork(ENGINE.getRuntimeService(), ENGINE.getTaskService());
        Mocks.register("handoverAccepted", (JavaDelegate) execution ->
                regieWork.offerTo(UUID.fromString((String) execution.getVariable("caseId")), acceptedGroup));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @AfterAll
    static void stop() throws IOException {
        ENGINE.close();
        POSTGRES.close();
    }

    @Test
    void acceptedRegieMovesRegieAndEvaluatieToThePartnerThePlanStaysWithTheTeamAndAHandBackMovesThemBack() {
        ProcessInstance route = startAt("regie");
        assertThat(groupsOf("regie")).containsExactly("team-noord");
        ENGINE.getTaskService().claim(open("regie").getId(), "wijkcoach");

        handOverAndAccept("org:ggz-breburg");

        Task regie = open("regie");
        assertThat(groupsOf("regie")).as("the open step moves").containsExactly("org:ggz-breburg");
        assertThat(regie.getAssignee()).as("and leaves the team member who had claimed it").isNull();

        complete(task("regie", route), withVariables("regieOutcome", "TO_EVALUATIE"));
        assertThat(groupsOf("evaluatie")).as("later steps too").containsExactly("org:ggz-breburg");
        complete(task("evaluatie", route), withVariables("evaluatieOutcome", "CONTINUE", "nextEvaluationDate", inWeeks(6)));
        assertThat(groupsOf("regie")).containsExactly("org:ggz-breburg");
        complete(task("regie", route), withVariables("regieOutcome", "TO_EVALUATIE"));
        complete(task("evaluatie", route), withVariables("evaluatieOutcome", "ADJUST_PLAN"));
        assertThat(route).isWaitingAt("plan");
        assertThat(groupsOf("plan")).as("the plan is written with the team").containsExactly("team-noord");

        handOverAndAccept("team-noord");

        complete(task("plan", route), withVariables("planOutcome", "TO_REGIE"));
        assertThat(groupsOf("regie")).as("after the hand-back the team has the regie again").containsExactly("team-noord");
    }

    @Test
    void aRouteThatNeverHandedRegieOverOffersRegieAndEvaluatieToTheTeam() {
        ProcessInstance route = startAt("regie");
        assertThat(groupsOf("regie")).containsExactly("team-noord");
        complete(task("regie", route), withVariables("regieOutcome", "TO_EVALUATIE"));
        assertThat(groupsOf("evaluatie")).containsExactly("team-noord");
    }

    private void handOverAndAccept(String group) {
        acceptedGroup = group;
        String handoverId = UUID.randomUUID().toString();
        ENGINE.getRuntimeService().createMessageCorrelation("warmeOverdracht").processInstanceBusinessKey(caseId)
                .setVariablesToTriggeredScope(Variables.createVariables().putValue("handoverId", handoverId)
                        .putValue("receiverGroup", "org:" + group).putValue("acceptBefore", inWeeks(1)))
                .correlate();
        ProcessInstance handover = ENGINE.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("warmeOverdracht")
                .processInstanceBusinessKey(handoverId).singleResult();
        complete(task("overdrachtBeoordelen", handover), withVariables("handoverDecision", "ACCEPTED"));
        assertThat(handover).isEnded().hasPassed("applyAcceptance");
    }

    private ProcessInstance startAt(String activityId) {
        ProcessInstance route = ENGINE.getRuntimeService().createProcessInstanceByKey("routekaart").businessKey(caseId)
                .setVariables(Map.of("caseId", caseId, "candidateGroup", "team-noord", "nazorgPeriod", "P3M"))
                .startBeforeActivity(activityId).execute();
        assertThat(route).isStarted();
        return route;
    }

    private Task open(String step) {
        return ENGINE.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(step).singleResult();
    }

    private List<String> groupsOf(String step) {
        return ENGINE.getTaskService().getIdentityLinksForTask(open(step).getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }

    private static Date inWeeks(int weeks) {
        return Date.from(ZonedDateTime.now().plusWeeks(weeks).withNano(0).toInstant());
    }
}
