package nl.wijkroute.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

class TaskApiTest extends ApiTestSupport {

    @Autowired
    ManagementService managementService;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Test
    void householdTravelsTheFullRouteToNazorgAndIsClosedAfterTheCheck() throws Exception {
        UUID caseId = openCaseInNoord();
        var coach = TestUsers.wijkcoach();

        step(caseId, "triage", coach, triage("FULL_ROUTE", "MULTIPLE", false, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", coach, Map.of("outcome", "TO_PLAN", "realQuestion", "Rust in de financiën en werk vinden."));
        agreedPlan(caseId);
        step(caseId, "plan", coach, Map.of("outcome", "TO_REGIE", "firstEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(6).toString()));
        assertThat(dueOf(caseId, "regie")).isNotNull();
        step(caseId, "regie", coach, outcome("TO_EVALUATIE", null));
        step(caseId, "evaluatie", coach, outcome("CLOSE", "Doelen bereikt; huishouden redt het zelf."));

        JsonNode inNazorg = getJson("/api/v1/cases/" + caseId, coach);
        assertThat(inNazorg.get("status").asText()).isEqualTo("NAZORG");
        assertThat(inNazorg.get("closureReason").asText()).isEqualTo("Doelen bereikt; huishouden redt het zelf.");
        assertThat(inNazorg.get("openTasks")).isEmpty();

        // The "vinger aan de pols" moment: the engine's timer job fires (the test profile runs jobs by hand).
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceOf(caseId)).timers().singleResult();
        assertThat(timer.getDuedate()).isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(80))));
        managementService.executeJob(timer.getId());
        step(caseId, "nazorgControle", coach, outcome("ALL_WELL", null));

        JsonNode closed = getJson("/api/v1/cases/" + caseId, coach);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("currentStage").asText()).isEqualTo("AFGESLOTEN");
        assertThat(getJson("/api/v1/cases/" + caseId + "/plan", coach).get("status").asText())
                .as("support ended: the plan is history").isEqualTo("CLOSED");
        JsonNode history = getJson("/api/v1/cases/" + caseId + "/history", coach);
        assertThat(history).extracting(move -> move.get("to").asText()).containsExactly("SIGNALEREN", "TRIAGE",
                "VRAAGVERHELDERING", "PLAN", "REGIE", "EVALUATIE", "NAZORG", "NAZORG_CONTROLE", "AFGESLOTEN");
        assertThat(history).extracting(move -> move.get("actor").asText()).containsExactly("frontoffice", "frontoffice",
                "wijkcoach", "wijkcoach", "wijkcoach", "wijkcoach", "wijkcoach", "system", "wijkcoach");
        assertThat(history.get(6).get("reason").asText()).isEqualTo("Doelen bereikt; huishouden redt het zelf.");
    }

    /**
     * Users are keyed by the token's sub: a worker whose user name is changed in Keycloak keeps their
     * claimed task, and the step history and the access log record the sub, with the name for display.
     */
    @Test
    void aRenamedWorkerKeepsTheirTaskAndIsRecordedByTheirSub() throws Exception {
        UUID caseId = openCaseInNoord();
        String taskId = openTask(caseId, "triage");
        MvcResult claimed = claim(taskId, TestUsers.wijkcoach());
        assertThat(read(claimed).get("assignee").asText()).isEqualTo(TestUsers.sub("wijkcoach"));
        assertThat(read(claimed).get("assigneeName").asText()).isEqualTo("wijkcoach");

        // Same person (same sub), renamed in Keycloak.
        var renamed = TestUsers.user("w.de.vries", List.of("wijkteam"), Map.of("sub", TestUsers.sub("wijkcoach"),
                "team", "team-noord", "wijk", "noord"));
        assertThat(allItems("/api/v1/tasks?assignment=mine", renamed).findValuesAsText("id")).contains(taskId);
        Map<String, Object> body = new LinkedHashMap<>(triage("FULL_ROUTE", "MULTIPLE", false, null));
        body.put("step", "triage");
        MvcResult completed = complete(taskId, renamed, body);
        assertThat(completed.getResponse().getStatus()).as(completed.getResponse().getContentAsString()).isEqualTo(204);

        Map<String, Object> move = jdbc.queryForMap(
                "select actor, actor_name from step_history where case_id = ? and to_stage = 'VRAAGVERHELDERING'", caseId);
        assertThat(move).containsEntry("actor", TestUsers.sub("wijkcoach")).containsEntry("actor_name", "w.de.vries");
        assertThat(getJson("/api/v1/cases/" + caseId + "/history", renamed).findValuesAsText("actor"))
                .contains("frontoffice", "w.de.vries").doesNotContain(TestUsers.sub("wijkcoach"));
        assertThat(jdbc.queryForList("select distinct user_id from access_log where case_id = ? and username in ('wijkcoach', 'w.de.vries')",
                String.class, caseId)).containsExactly(TestUsers.sub("wijkcoach"));
        assertThat(getJson("/api/v1/access-log/verification", TestUsers.privacyOfficer()).get("intact").asBoolean())
                .as("the chain still verifies with the user key in it").isTrue();
    }

    /**
     * Decision 0060: the API moves the engine on behalf of the worker without authenticating them in the engine, so
     * Camunda writes no user operation log (nor a task-worker meter row) for the route's steps; who moved the case is
     * in the step history, by sub and name, as before.
     */
    @Test
    void routeStepsThroughTheApiWriteNoEngineOperationLogAndTheStepHistoryNamesTheWorker() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        String processInstanceId = jdbc.queryForObject("select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ?",
                String.class, caseId.toString());
        String triageTask = jdbc.queryForObject("select ID_ from ACT_HI_TASKINST where PROC_INST_ID_ = ? and TASK_DEF_KEY_ = 'triage'",
                String.class, processInstanceId);

        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_OP_LOG where PROC_INST_ID_ = ? or TASK_ID_ = ?",
                Integer.class, processInstanceId, triageTask)).as("operation log of the start, claim and completion").isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_TASK_METER_LOG", Integer.class))
                .as("task-worker meter rows").isZero();
        assertThat(jdbc.queryForObject("select ASSIGNEE_ from ACT_HI_TASKINST where ID_ = ?", String.class, triageTask))
                .as("the engine's history still names the assignee").isEqualTo(TestUsers.sub("wijkcoach"));
        Map<String, Object> move = jdbc.queryForMap(
                "select actor, actor_name from step_history where case_id = ? and to_stage = 'VRAAGVERHELDERING'", caseId);
        assertThat(move).containsEntry("actor", TestUsers.sub("wijkcoach")).containsEntry("actor_name", "wijkcoach");
        assertThat(jdbc.queryForObject("select actor from step_history where case_id = ? and to_stage = 'TRIAGE'",
                String.class, caseId)).as("the start, by the front office").isEqualTo(TestUsers.sub("frontoffice"));
    }

    /**
     * A move of a case its transaction has not loaded (the nazorg timer, a step whose handler does not read the case) is
     * one update of the row (decision 0060), with the same rule as the entity's: into nazorg the closing time is set, the
     * check that reopens clears it and the reason, and each move raises the version that guards the row.
     */
    @Test
    void theNazorgCheckReopeningTheCaseClearsItsClosingAndEachMoveRaisesTheVersion() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.frontoffice(), triage("SHORT_ROUTE", "SINGLE", false, null));
        step(caseId, "toeleiding", TestUsers.wijkcoach(), Map.of("outcome", "CONNECTED", "connectedTo", "Voedselbank"));
        Map<String, Object> inNazorg = jdbc.queryForMap(
                "select status, current_stage, closed_at, version from support_case where id = ?", caseId);
        assertThat(inNazorg).containsEntry("status", "NAZORG").containsEntry("current_stage", "NAZORG");
        assertThat(inNazorg.get("closed_at")).isNotNull();

        Job timer = managementService.createJobQuery().processInstanceId(processInstanceOf(caseId)).timers().singleResult();
        managementService.executeJob(timer.getId());
        Map<String, Object> atCheck = jdbc.queryForMap(
                "select status, current_stage, closed_at, version from support_case where id = ?", caseId);
        assertThat(atCheck).containsEntry("current_stage", "NAZORG_CONTROLE").containsEntry("closed_at", inNazorg.get("closed_at"));
        assertThat((Long) atCheck.get("version")).isEqualTo((Long) inNazorg.get("version") + 1);
        assertThat(lastMove(caseId).get("actor").asText()).isEqualTo("system");

        step(caseId, "nazorgControle", TestUsers.wijkcoach(), outcome("REOPEN", "Bij de controle bleek de schuld gegroeid."));
        Map<String, Object> reopened = jdbc.queryForMap(
                "select status, current_stage, closed_at, closure_reason, version from support_case where id = ?", caseId);
        assertThat(reopened).containsEntry("status", "OPEN").containsEntry("current_stage", "TRIAGE")
                .containsEntry("closed_at", null).containsEntry("closure_reason", null);
        assertThat((Long) reopened.get("version")).isGreaterThan((Long) atCheck.get("version"));
        assertThat(lastMove(caseId).get("from").asText()).isEqualTo("NAZORG_CONTROLE");
        assertThat(lastMove(caseId).get("reason").asText()).isEqualTo("Bij de controle bleek de schuld gegroeid.");
    }

    @Test
    void triageNoHelpNeededClosesTheCaseWithTheReason() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.frontoffice(), triage("CLOSE_NO_HELP", "NONE", false, "Advies gegeven over de toeslagen."));

        JsonNode closed = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach());
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("closureReason").asText()).isEqualTo("Advies gegeven over de toeslagen.");
        assertThat(closed.get("latestTriage").get("route").asText()).isEqualTo("CLOSE_NO_HELP");
        assertThat(closed.get("latestTriage").get("assessedBy").asText()).isEqualTo("frontoffice");
    }

    @Test
    void acuteSafetyConcernGoesToTheSafetyTaskFirst() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("SAFETY_FIRST", "MULTIPLE", true, null));
        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("currentStage").asText()).isEqualTo("VEILIGHEID");
        for (Map<String, Object> meldcodeStep : List.of(
                Map.<String, Object>of("doneOn", java.time.LocalDate.now(MunicipalTime.ZONE).toString(), "doneBy", "Wijkcoach", "summary", "Gewogen.",
                        "afweging", Map.of("suspicion", true, "acuteOrStructuralUnsafety", true)),
                Map.<String, Object>of("doneOn", java.time.LocalDate.now(MunicipalTime.ZONE).toString(), "doneBy", "Wijkcoach", "summary", "Gemeld.",
                        "decision", "MELDEN"))) {
            String meldcodeStepName = meldcodeStep.containsKey("decision") ? "BESLISSEN" : "AFWEGING";
            assertThat(send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/cases/" + caseId
                    + "/meldcode/steps/" + meldcodeStepName), TestUsers.wijkcoach(), meldcodeStep).getResponse().getStatus())
                    .isEqualTo(200);
        }
        step(caseId, "veiligheid", TestUsers.wijkcoach(), outcome("SPECIALIST_TOOK_OVER", "Veilig Thuis neemt het over."));
        // Veilig Thuis has the case now: the team waits for it to hand back (or to keep it).
        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("currentStage").asText()).isEqualTo("VEILIGHEID");
        openTask(caseId, "veiligThuisAanZet");
    }

    @Test
    void shortRouteConnectsToAPartnerWithoutTheFullRoute() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.frontoffice(), triage("SHORT_ROUTE", "SINGLE", false, null));
        step(caseId, "toeleiding", TestUsers.wijkcoach(), Map.of("outcome", "CONNECTED", "connectedTo", "Formulierenhulp bibliotheek"));
        JsonNode history = getJson("/api/v1/cases/" + caseId + "/history", TestUsers.wijkcoach());
        assertThat(history).extracting(move -> move.get("to").asText())
                .containsExactly("SIGNALEREN", "TRIAGE", "TOELEIDING", "NAZORG");
    }

    @Test
    void movingBackToTriageNeedsAReasonAndRecordsIt() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        String taskId = openTask(caseId, "vraagverheldering");
        claim(taskId, TestUsers.wijkcoach());
        Map<String, Integer> before = rowCounts();

        MvcResult withoutReason = complete(taskId, TestUsers.wijkcoach(), Map.of("step", "vraagverheldering", "outcome", "BACK_TO_TRIAGE"));
        assertProblem(withoutReason, 400, "reason");
        assertThat(rowCounts()).isEqualTo(before);

        MvcResult withReason = complete(taskId, TestUsers.wijkcoach(), Map.of("step", "vraagverheldering",
                "outcome", "BACK_TO_TRIAGE", "reason", "Acute huisuitzetting: opnieuw triëren."));
        assertThat(withReason.getResponse().getStatus()).isEqualTo(204);
        JsonNode last = lastMove(caseId);
        assertThat(last.get("from").asText()).isEqualTo("VRAAGVERHELDERING");
        assertThat(last.get("to").asText()).isEqualTo("TRIAGE");
        assertThat(last.get("reason").asText()).isEqualTo("Acute huisuitzetting: opnieuw triëren.");
    }

    @Test
    void evaluatieCanAdjustThePlanOrContinueWithTheNextEvaluationDate() throws Exception {
        UUID caseId = openCaseInNoord();
        var coach = TestUsers.wijkcoach();
        step(caseId, "triage", coach, triage("FULL_ROUTE", "MULTIPLE", false, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", coach, Map.of("outcome", "TO_PLAN", "realQuestion", "Grip op geld."));
        agreedPlan(caseId);
        step(caseId, "plan", coach, Map.of("outcome", "TO_REGIE", "firstEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(4).toString()));
        step(caseId, "regie", coach, outcome("TO_EVALUATIE", null));
        step(caseId, "evaluatie", coach, outcome("ADJUST_PLAN", "Nieuwe schuldeiser in beeld."));
        assertThat(lastMove(caseId).get("to").asText()).isEqualTo("PLAN");
        step(caseId, "plan", coach, Map.of("outcome", "TO_REGIE", "firstEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(4).toString()));
        step(caseId, "regie", coach, outcome("TO_EVALUATIE", null));
        LocalDate next = LocalDate.now(MunicipalTime.ZONE).plusMonths(2);
        step(caseId, "evaluatie", coach, Map.of("outcome", "CONTINUE", "nextEvaluationDate", next.toString()));
        assertThat(lastMove(caseId).get("to").asText()).isEqualTo("REGIE");
        assertThat(java.time.Instant.parse(dueOf(caseId, "regie")))
                .isEqualTo(next.atStartOfDay(java.time.ZoneId.of("Europe/Amsterdam")).toInstant());
    }

    @Test
    void newSignalDuringNazorgReopensTheCaseAtTriage() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.frontoffice(), triage("SHORT_ROUTE", "SINGLE", false, null));
        step(caseId, "toeleiding", TestUsers.wijkcoach(), Map.of("outcome", "CONNECTED", "connectedTo", "Voedselbank"));
        String householdId = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("household").get("id").asText();

        Map<String, Object> again = signal(null);
        again.remove("household");
        again.put("householdId", householdId);
        JsonNode response = read(postSignal(again, TestUsers.wijkcoach(), UUID.randomUUID().toString()));

        assertThat(response.get("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(response.get("reopenedFromNazorg").asBoolean()).isTrue();
        JsonNode reopened = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach());
        assertThat(reopened.get("status").asText()).isEqualTo("OPEN");
        assertThat(reopened.get("currentStage").asText()).isEqualTo("TRIAGE");
        assertThat(reopened.get("closedAt")).isNull();
        assertThat(lastMove(caseId).get("reason").asText()).isEqualTo("Nieuw signaal tijdens nazorg");
    }

    @Test
    void aTaskClaimedByAColleagueCannotBeClaimedCompletedOrHandedBack() throws Exception {
        UUID caseId = openCaseInNoord();
        String taskId = openTask(caseId, "triage");
        assertThat(claim(taskId, TestUsers.wijkcoach()).getResponse().getStatus()).isEqualTo(200);
        Map<String, Integer> before = rowCounts();

        assertProblem(claim(taskId, TestUsers.wijkcoachNoord2()), 409);
        Map<String, Object> body = new LinkedHashMap<>(triage("FULL_ROUTE", "MULTIPLE", false, null));
        body.put("step", "triage");
        assertProblem(complete(taskId, TestUsers.wijkcoachNoord2(), body), 409);
        assertProblem(mvc.perform(post("/api/v1/tasks/" + taskId + "/unclaim").with(TestUsers.wijkcoachNoord2())).andReturn(), 409);
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(allItems("/api/v1/tasks", TestUsers.wijkcoachNoord2()).findValuesAsText("id")).doesNotContain(taskId);

        MvcResult handedBack = mvc.perform(post("/api/v1/tasks/" + taskId + "/unclaim").with(TestUsers.wijkcoach())).andReturn();
        assertThat(handedBack.getResponse().getStatus()).isEqualTo(200);
        assertThat(read(handedBack).get("assignee")).isNull();
        assertThat(allItems("/api/v1/tasks", TestUsers.wijkcoachNoord2()).findValuesAsText("id")).contains(taskId);
    }

    @Test
    void completingWithoutClaimingFirstIsAConflict() throws Exception {
        UUID caseId = openCaseInNoord();
        String taskId = openTask(caseId, "triage");
        Map<String, Object> body = new LinkedHashMap<>(triage("FULL_ROUTE", "MULTIPLE", false, null));
        body.put("step", "triage");
        Map<String, Integer> before = rowCounts();
        assertProblem(complete(taskId, TestUsers.wijkcoach(), body), 409);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void payloadForAnotherStepOrAnUnknownStepIsRefused() throws Exception {
        UUID caseId = openCaseInNoord();
        String taskId = openTask(caseId, "triage");
        claim(taskId, TestUsers.wijkcoach());
        Map<String, Integer> before = rowCounts();

        assertProblem(complete(taskId, TestUsers.wijkcoach(), Map.of("step", "evaluatie", "outcome", "CLOSE", "reason", "x")), 400, "step");
        assertProblem(complete(taskId, TestUsers.wijkcoach(), Map.of("step", "koffie", "outcome", "CLOSE")), 400, "step");
        assertProblem(complete(taskId, TestUsers.wijkcoach(), Map.of("outcome", "CLOSE")), 400, "step");
        assertProblem(complete(taskId, TestUsers.wijkcoach(), "{\"step\": \"triage\", "), 400);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void triageInputIsValidatedFieldByField() throws Exception {
        UUID caseId = openCaseInNoord();
        String taskId = openTask(caseId, "triage");
        claim(taskId, TestUsers.wijkcoach());
        Map<String, Integer> before = rowCounts();

        assertProblem(complete(taskId, TestUsers.wijkcoach(), Map.of("step", "triage")), 400,
                "problemScope", "route", "safetyConcern", "summary", "urgency");
        Map<String, Object> unknownRoute = new LinkedHashMap<>(triage("SCENIC_ROUTE", "MULTIPLE", false, null));
        unknownRoute.put("step", "triage");
        assertProblem(complete(taskId, TestUsers.wijkcoach(), unknownRoute), 400, "route");
        Map<String, Object> closeWithoutReason = new LinkedHashMap<>(triage("CLOSE_NO_HELP", "NONE", false, null));
        closeWithoutReason.put("step", "triage");
        assertProblem(complete(taskId, TestUsers.wijkcoach(), closeWithoutReason), 400, "reason");
        Map<String, Object> safetyWithoutConcern = new LinkedHashMap<>(triage("SAFETY_FIRST", "MULTIPLE", false, null));
        safetyWithoutConcern.put("step", "triage");
        assertProblem(complete(taskId, TestUsers.wijkcoach(), safetyWithoutConcern), 400, "safetyConcern");
        Map<String, Object> tooLong = new LinkedHashMap<>(triage("FULL_ROUTE", "MULTIPLE", false, null));
        tooLong.put("step", "triage");
        tooLong.put("summary", "x".repeat(4001));
        assertProblem(complete(taskId, TestUsers.wijkcoach(), tooLong), 400, "summary");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void evaluationDatesMustBeGivenAndInTheFuture() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", TestUsers.wijkcoach(), Map.of("outcome", "TO_PLAN", "realQuestion", "Werk."));
        String taskId = openTask(caseId, "plan");
        claim(taskId, TestUsers.wijkcoach());
        Map<String, Integer> before = rowCounts();
        assertProblem(complete(taskId, TestUsers.wijkcoach(), Map.of("step", "plan", "outcome", "TO_REGIE")), 400, "firstEvaluationDate");
        assertProblem(complete(taskId, TestUsers.wijkcoach(), Map.of("step", "plan", "outcome", "TO_REGIE",
                "firstEvaluationDate", "2020-01-01")), 400, "firstEvaluationDate");
        assertProblem(complete(taskId, TestUsers.wijkcoach(), Map.of("step", "plan", "outcome", "TO_REGIE",
                "firstEvaluationDate", "volgende week")), 400, "firstEvaluationDate");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void unknownTaskAndAnotherTeamsTaskAreNotFound() throws Exception {
        UUID caseId = openCaseInNoord();
        String taskId = openTask(caseId, "triage");
        assertProblem(claim("does-not-exist", TestUsers.wijkcoach()), 404);
        assertProblem(claim(taskId, TestUsers.wijkcoach2()), 404);
    }

    @Test
    void onlyFrontOfficeWijkteamAndPartnersWorkTasks() throws Exception {
        UUID caseId = openCaseInNoord();
        String taskId = openTask(caseId, "triage");
        for (var user : List.of(TestUsers.manager(), TestUsers.admin())) {
            assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/tasks")
                    .with(user)).andReturn().getResponse().getStatus()).isEqualTo(403);
            assertThat(claim(taskId, user).getResponse().getStatus()).isEqualTo(403);
        }
        // A partner works only the regie and evaluatie steps of cases whose regie their organisation holds (decision 0044).
        assertThat(allItems("/api/v1/tasks", TestUsers.partnerGgz()).findValuesAsText("id")).doesNotContain(taskId);
        assertProblem(claim(taskId, TestUsers.partnerGgz()), 404);
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/tasks"))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void theWerkbakIsPagedSortedByDueDateAndStableAcrossPages() throws Exception {
        // Five tasks with a due date (two on the same day) and one without: the order is due date, then id.
        List<UUID> cases = List.of(openCaseInNoord(), openCaseInNoord(), openCaseInNoord(), openCaseInNoord(),
                openCaseInNoord(), openCaseInNoord());
        List<String> due = List.of("2001-03-04", "2001-03-02", "2001-03-02", "2001-03-01", "2001-03-03");
        for (int i = 0; i < due.size(); i++) {
            taskService.setDueDate(openTask(cases.get(i), "triage"),
                    java.util.Date.from(LocalDate.parse(due.get(i)).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        }

        JsonNode first = getJson("/api/v1/tasks?size=3&page=0", TestUsers.wijkcoach());
        JsonNode second = getJson("/api/v1/tasks?size=3&page=1", TestUsers.wijkcoach());
        assertThat(first.get("items")).hasSize(3);
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(second.get("page").asInt()).isEqualTo(1);
        long total = first.get("totalItems").asLong();
        assertThat(total).isGreaterThanOrEqualTo(6);
        assertThat(first.get("totalPages").asInt()).isEqualTo((int) ((total + 2) / 3));

        List<JsonNode> all = new java.util.ArrayList<>();
        allItems("/api/v1/tasks", TestUsers.wijkcoach()).forEach(all::add);
        assertThat(all).hasSize((int) total);
        List<String> ids = all.stream().map(task -> task.get("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        List<String> twoPages = new java.util.ArrayList<>(first.get("items").findValuesAsText("id"));
        twoPages.addAll(second.get("items").findValuesAsText("id"));
        assertThat(twoPages).as("page 0 then page 1 is the start of the whole list: nothing repeated or skipped")
                .isEqualTo(ids.subList(0, 6));

        // The safety tasks after a new signal (priority 100, decision 0048) head the werkbak; then soonest due first,
        // tasks without a due date last (ties by task id: the page test above shows it is stable).
        List<JsonNode> safetyFirst = all.stream().filter(task -> "veiligheidNieuwSignaal".equals(task.get("taskKey").asText())).toList();
        assertThat(all.subList(0, safetyFirst.size())).as("safety tasks come first").isEqualTo(safetyFirst);
        all = all.subList(safetyFirst.size(), all.size());
        ids = ids.subList(safetyFirst.size(), ids.size());
        List<JsonNode> withDue = all.stream().filter(task -> task.hasNonNull("due")).toList();
        assertThat(all.subList(0, withDue.size())).as("tasks with a due date come first").isEqualTo(withDue);
        for (int i = 1; i < withDue.size(); i++) {
            java.time.Instant previous = java.time.Instant.parse(withDue.get(i - 1).get("due").asText());
            java.time.Instant current = java.time.Instant.parse(withDue.get(i).get("due").asText());
            assertThat(current).isAfterOrEqualTo(previous);
        }
        String noDue = openTask(cases.get(5), "triage");
        assertThat(ids.indexOf(noDue)).as("a task without a due date comes after every dated task")
                .isGreaterThanOrEqualTo(withDue.size());
        assertThat(ids.indexOf(openTask(cases.get(3), "triage"))).isLessThan(ids.indexOf(openTask(cases.get(1), "triage")));
        assertThat(ids.indexOf(openTask(cases.get(4), "triage"))).isLessThan(ids.indexOf(openTask(cases.get(0), "triage")));
    }

    /**
     * The total is counted only when a page is full or lies past the end (decision 0061): a page with room left holds
     * the rest of the list. Whichever way it is known, it is the same number, and each task shows its case and household.
     */
    @Test
    void theWerkbakTotalIsTheSameOnAPageWithRoomAFullPageAndPastTheEnd() throws Exception {
        List<UUID> cases = List.of(openCaseInNoord(), openCaseInNoord(), openCaseInNoord());
        for (UUID caseId : cases) {
            // A day no other test uses, so the filter below lists exactly these three tasks.
            taskService.setDueDate(openTask(caseId, "triage"), java.util.Date.from(java.time.Instant.parse("1970-01-05T10:00:00Z")));
        }
        String list = "/api/v1/tasks?dueBefore=1970-01-06";
        record Page(int items, long total) {
        }
        java.util.function.Function<String, Page> page = query -> {
            try {
                JsonNode found = getJson(list + query, TestUsers.wijkcoach());
                return new Page(found.get("items").size(), found.get("totalItems").asLong());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(page.apply("&size=20&page=0")).as("room left on the first page").isEqualTo(new Page(3, 3));
        assertThat(page.apply("&size=3&page=0")).as("a full page").isEqualTo(new Page(3, 3));
        assertThat(page.apply("&size=2&page=1")).as("room left on a later page").isEqualTo(new Page(1, 3));
        assertThat(page.apply("&size=2&page=2")).as("just past the end").isEqualTo(new Page(0, 3));
        assertThat(page.apply("&size=1&page=7")).as("far past the end").isEqualTo(new Page(0, 3));

        JsonNode items = getJson(list, TestUsers.wijkcoach()).get("items");
        assertThat(items.findValuesAsText("caseId")).containsExactlyInAnyOrderElementsOf(cases.stream().map(UUID::toString).toList());
        for (JsonNode task : items) {
            JsonNode caseFile = getJson("/api/v1/cases/" + task.get("caseId").asText(), TestUsers.wijkcoach());
            assertThat(task.get("household").asText()).isEqualTo(caseFile.get("household").get("displayName").asText());
            assertThat(task.get("caseStage").asText()).isEqualTo("TRIAGE");
            assertThat(task.get("name").asText()).isEqualTo(caseFile.get("openTasks").get(0).get("name").asText());
            assertThat(task.get("due").asText()).isEqualTo("1970-01-05T10:00:00Z");
        }
    }

    /**
     * The werkbak's total counts what the pages list: a task once however many of the user's groups offer it (triage is
     * offered to the team and the front office, and one task here to the front office twice), a claimed one as the
     * user's own only, with the assignment, step and due-date filters applied alike. Pages of one task, so every call
     * counts. (Written for a count from the candidate links, which counted a task per matching link; that count was
     * dropped as no faster, performance.md.)
     */
    @Test
    void theWerkbakTotalCountsATaskOfferedToTwoOfTheUsersGroupsOnce() throws Exception {
        var coachAtTheDesk = TestUsers.user("wijkcoach-loket", List.of("wijkteam", "frontoffice"),
                Map.of("team", "team-noord", "wijk", "noord"));
        // Due on a day only this test uses; the filter "due before" has no lower end, so other tests' earlier tasks may
        // be in it too: the totals are compared before and after this test's tasks.
        String window = "/api/v1/tasks?dueBefore=1970-01-08&size=1";
        List<String> queries = List.of("", "&assignment=unclaimed", "&assignment=mine", "&step=triage", "&step=regie");
        java.util.function.BiFunction<String, org.springframework.test.web.servlet.request.RequestPostProcessor, Long> total =
                (query, user) -> {
                    try {
                        return getJson(window + query, user).get("totalItems").asLong();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                };
        Map<String, Long> before = new LinkedHashMap<>();
        queries.forEach(query -> before.put(query, total.apply(query, coachAtTheDesk)));
        long colleagueBefore = total.apply("", TestUsers.wijkcoach());

        List<String> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String task = openTask(openCaseInNoord(), "triage");
            taskService.setDueDate(task, java.util.Date.from(java.time.Instant.parse("1970-01-07T10:00:00Z")));
            tasks.add(task);
        }
        taskService.addCandidateGroup(tasks.get(0), nl.wijkroute.system.security.CurrentUser.FRONTOFFICE_GROUP);
        assertThat(claim(tasks.get(1), coachAtTheDesk).getResponse().getStatus()).isEqualTo(200);

        Map<String, Long> added = new LinkedHashMap<>();
        queries.forEach(query -> added.put(query, total.apply(query, coachAtTheDesk) - before.get(query)));
        assertThat(added).as("all: the task of two groups once, the claimed one once").isEqualTo(Map.of(
                "", 3L, "&assignment=unclaimed", 2L, "&assignment=mine", 1L, "&step=triage", 3L, "&step=regie", 0L));
        JsonNode listed = allItems("/api/v1/tasks?dueBefore=1970-01-08", coachAtTheDesk);
        assertThat(listed.findValuesAsText("id")).containsAll(tasks).hasSize((int) total.apply("", coachAtTheDesk).longValue());
        assertThat(total.apply("", TestUsers.wijkcoach()) - colleagueBefore)
                .as("a colleague without the front office's group: the two unclaimed tasks").isEqualTo(2);
    }

    /**
     * Decision 0067: the werkbak counts up to {@link RouteTaskService#COUNT_CAP}. A team with more open tasks gets the
     * cap as a lower bound on the pages within the cap's pages; a full page beyond them answers the tasks up to its end
     * and one more as the lower bound; the end of the list gives the exact total, also when it ends on a full page
     * (here: 520 tasks, pages of 20 and of 100). A client that pages by totalPages alone, not knowing the lower bound,
     * still lists every task. A team of its own (tasks offered to it only), so no other test's werkbak passes the cap.
     */
    @Test
    void aTeamWithMoreOpenTasksThanTheCapGetsTheCapAsALowerBoundAndCanPageOnToTheEnd() throws Exception {
        int cap = RouteTaskService.COUNT_CAP;
        int open = cap + 20;
        String team = openTasksInATeamOfItsOwn(open);
        var coach = TestUsers.user("coach-" + team, List.of("wijkteam"), Map.of("team", team, "wijk", team));

        JsonNode first = getJson("/api/v1/tasks", coach);
        assertThat(first.get("items")).hasSize(20);
        assertThat(first.get("totalItems").asLong()).isEqualTo(cap);
        assertThat(first.get("totalPages").asInt()).as("the pages the cap fills").isEqualTo(cap / 20);
        assertThat(first.get("totalIsLowerBound").asBoolean()).isTrue();
        JsonNode lastWithinTheCap = getJson("/api/v1/tasks?page=" + (cap / 20 - 1), coach);
        assertThat(lastWithinTheCap.get("items")).hasSize(20);
        assertThat(lastWithinTheCap.get("totalItems").asLong()).as("its tasks and the one after them").isEqualTo(cap + 1);
        assertThat(lastWithinTheCap.get("totalPages").asInt()).as("a page more to go").isEqualTo(cap / 20 + 1);
        assertThat(lastWithinTheCap.get("totalIsLowerBound").asBoolean()).isTrue();

        JsonNode end = getJson("/api/v1/tasks?page=" + (cap / 20), coach);
        assertThat(end.get("items")).as("a full page beyond the cap's pages, the last of the list").hasSize(20);
        assertThat(end.get("totalItems").asLong()).as("the exact total, known at the end").isEqualTo(open);
        assertThat(end.get("totalPages").asInt()).isEqualTo(cap / 20 + 1);
        assertThat(end.get("totalIsLowerBound").asBoolean()).isFalse();
        for (int page : List.of(cap / 20 + 1, cap / 20 + 5)) {
            JsonNode past = getJson("/api/v1/tasks?page=" + page, coach);
            assertThat(past.get("items")).isEmpty();
            assertThat(past.get("totalItems").asLong()).as("past the end: counted whole").isEqualTo(open);
            assertThat(past.get("totalIsLowerBound").asBoolean()).isFalse();
        }
        JsonNode bigFirst = getJson("/api/v1/tasks?size=100", coach);
        assertThat(bigFirst.get("totalItems").asLong()).isEqualTo(cap);
        assertThat(bigFirst.get("totalIsLowerBound").asBoolean()).isTrue();
        JsonNode bigBeyond = getJson("/api/v1/tasks?size=100&page=4", coach);
        assertThat(bigBeyond.get("totalItems").asLong()).isEqualTo(cap + 1);
        assertThat(bigBeyond.get("totalPages").asInt()).isEqualTo(6);
        JsonNode bigEnd = getJson("/api/v1/tasks?size=100&page=5", coach);
        assertThat(bigEnd.get("items")).hasSize(20);
        assertThat(bigEnd.get("totalItems").asLong()).isEqualTo(open);
        assertThat(bigEnd.get("totalIsLowerBound").asBoolean()).isFalse();

        JsonNode all = allItems("/api/v1/tasks", coach);
        assertThat(all.findValuesAsText("id")).as("paging on while a page is full lists every task once")
                .hasSize(open).doesNotHaveDuplicates();
        List<String> byTotalPages = new java.util.ArrayList<>();
        long lastTotal = 0;
        for (int page = 0; ; page++) {
            JsonNode got = getJson("/api/v1/tasks?size=20&page=" + page, coach);
            got.get("items").forEach(task -> byTotalPages.add(task.get("id").asText()));
            assertThat(got.get("totalItems").asLong()).as("totals do not go down while paging on").isGreaterThanOrEqualTo(lastTotal);
            lastTotal = got.get("totalItems").asLong();
            if (page + 1 >= got.get("totalPages").asInt()) {
                break;
            }
        }
        assertThat(byTotalPages).as("a client paging by totalPages alone lists every task once").hasSize(open)
                .doesNotHaveDuplicates();
        JsonNode filtered = getJson("/api/v1/tasks?assignment=unclaimed&step=triage&size=100", coach);
        assertThat(filtered.get("totalItems").asLong()).as("the filters count up to the cap alike").isEqualTo(cap);
        assertThat(filtered.get("totalIsLowerBound").asBoolean()).isTrue();

        // Claimed, a task is the claimant's own: under the cap, exact and not a lower bound.
        String claimed = all.get(0).get("id").asText();
        assertThat(claim(claimed, coach).getResponse().getStatus()).isEqualTo(200);
        JsonNode mine = getJson("/api/v1/tasks?assignment=mine&size=1", coach);
        assertThat(mine.get("totalItems").asLong()).isEqualTo(1);
        assertThat(mine.get("totalIsLowerBound").asBoolean()).isFalse();
    }

    /** Under the cap the total is exact, and says so, whether counted (a full page) or known from a page with room. */
    @Test
    void aTeamUnderTheCapGetsTheExactTotal() throws Exception {
        String team = openTasksInATeamOfItsOwn(3);
        var coach = TestUsers.user("coach-" + team, List.of("wijkteam"), Map.of("team", team, "wijk", team));
        for (String query : List.of("?size=1", "?size=1&page=1", "?size=2&page=1", "?size=3", "?size=20", "?size=1&page=9")) {
            JsonNode page = getJson("/api/v1/tasks" + query, coach);
            assertThat(page.get("totalItems").asLong()).as(query).isEqualTo(3);
            assertThat(page.get("totalPages").asInt()).as(query).isEqualTo((3 + page.get("size").asInt() - 1) / page.get("size").asInt());
            assertThat(page.get("totalIsLowerBound").asBoolean()).as(query).isFalse();
        }
        assertThat(getJson("/api/v1/cases?size=1", TestUsers.wijkcoach()).get("totalIsLowerBound").asBoolean())
                .as("every other list: an exact total").isFalse();
    }

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    /**
     * A team of its own with this many open triage tasks: cases set-based, the routekaart started per case (as
     * WerkbakBenchmarkTest does), the front office's candidate link taken off, so the tasks are in this team's werkbak
     * only (the front office's werkbak in the shared database stays under the cap).
     */
    private String openTasksInATeamOfItsOwn(int tasks) {
        String team = "cap-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into team (id, name) values (?, ?)", team, team);
        jdbc.update("insert into wijk (id, name, team_id) values (?, ?, ?)", team, team, team);
        List<UUID> cases = new java.util.ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            cases.add(UUID.randomUUID());
        }
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate("insert into household (id, display_name, wijk_id, created_at) values (?, ?, ?, now())",
                    cases, 500, (statement, caseId) -> {
                        statement.setObject(1, caseId);
                        statement.setString(2, "Huishouden " + caseId.toString().substring(0, 8));
                        statement.setString(3, team);
                    });
            jdbc.batchUpdate("insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at,"
                    + " opened_at) values (?, ?, ?, 'OPEN', 'SIGNALEREN', now(), now())", cases, 500, (statement, caseId) -> {
                        statement.setObject(1, caseId);
                        statement.setObject(2, caseId);
                        statement.setString(3, team);
                    });
            cases.forEach(caseId -> runtimeService.startProcessInstanceByKey(RoutekaartIds.PROCESS, caseId.toString(),
                    Map.of(RouteVariables.CASE_ID, caseId.toString(), RouteVariables.CANDIDATE_GROUP, team,
                            RouteVariables.NAZORG_PERIOD, "P3M")));
            jdbc.update("delete from act_ru_identitylink l using act_ru_task t, act_ru_execution e where l.task_id_ = t.id_"
                            + " and t.proc_inst_id_ = e.id_ and e.business_key_ = any(?) and l.group_id_ = ?",
                    cases.stream().map(UUID::toString).toArray(String[]::new),
                    nl.wijkroute.system.security.CurrentUser.FRONTOFFICE_GROUP);
        });
        return team;
    }

    @Test
    void theWerkbakFiltersOnMineUnclaimedStepAndDueBefore() throws Exception {
        UUID mineCase = openCaseInNoord();
        UUID otherCase = openCaseInNoord();
        String mine = openTask(mineCase, "triage");
        String unclaimed = openTask(otherCase, "triage");
        assertThat(claim(mine, TestUsers.wijkcoach()).getResponse().getStatus()).isEqualTo(200);
        taskService.setDueDate(unclaimed, java.util.Date.from(java.time.Instant.parse("1999-06-15T10:00:00Z")));

        JsonNode onlyMine = allItems("/api/v1/tasks?assignment=mine", TestUsers.wijkcoach());
        assertThat(onlyMine.findValuesAsText("id")).contains(mine).doesNotContain(unclaimed);
        assertThat(onlyMine.findValuesAsText("assignee")).containsOnly(TestUsers.sub("wijkcoach"));

        JsonNode teamUnclaimed = allItems("/api/v1/tasks?assignment=unclaimed", TestUsers.wijkcoach());
        assertThat(teamUnclaimed.findValuesAsText("id")).contains(unclaimed).doesNotContain(mine);
        teamUnclaimed.forEach(task -> assertThat(task.hasNonNull("assignee")).as(task.toString()).isFalse());

        assertThat(allItems("/api/v1/tasks?assignment=all", TestUsers.wijkcoach()).findValuesAsText("id")).contains(mine, unclaimed);
        assertThat(allItems("/api/v1/tasks?assignment=mine", TestUsers.wijkcoachNoord2()).findValuesAsText("id"))
                .as("another worker's claimed task is not theirs").doesNotContain(mine);

        JsonNode triage = allItems("/api/v1/tasks?step=triage", TestUsers.wijkcoach());
        assertThat(triage.findValuesAsText("taskKey")).containsOnly("triage");
        assertThat(triage.findValuesAsText("id")).contains(mine, unclaimed);
        assertThat(allItems("/api/v1/tasks?step=regie", TestUsers.wijkcoach()).findValuesAsText("id")).doesNotContain(mine, unclaimed);

        JsonNode dueEarly = allItems("/api/v1/tasks?dueBefore=1999-06-16", TestUsers.wijkcoach());
        assertThat(dueEarly.findValuesAsText("id")).contains(unclaimed).doesNotContain(mine);
        dueEarly.forEach(task -> assertThat(java.time.Instant.parse(task.get("due").asText()))
                .isBefore(java.time.Instant.parse("1999-06-15T22:00:00Z")));
        assertThat(allItems("/api/v1/tasks?dueBefore=1999-06-15", TestUsers.wijkcoach()).findValuesAsText("id"))
                .as("due later that day is not before the day").doesNotContain(unclaimed);
        assertThat(allItems("/api/v1/tasks?assignment=unclaimed&step=triage&dueBefore=1999-06-16", TestUsers.wijkcoach())
                .findValuesAsText("id")).contains(unclaimed);
        assertThat(allItems("/api/v1/tasks?dueBefore=1999-06-16", TestUsers.wijkcoach2()).findValuesAsText("id"))
                .as("another team's werkbak does not show it").doesNotContain(unclaimed);
    }

    @Test
    void badWerkbakParametersAreRefusedByName() throws Exception {
        var coach = TestUsers.wijkcoach();
        assertProblem(mvc.perform(get("/api/v1/tasks?size=101").with(coach)).andReturn(), 400, "size");
        assertProblem(mvc.perform(get("/api/v1/tasks?size=0").with(coach)).andReturn(), 400, "size");
        assertProblem(mvc.perform(get("/api/v1/tasks?size=veel").with(coach)).andReturn(), 400, "size");
        assertProblem(mvc.perform(get("/api/v1/tasks?page=-1").with(coach)).andReturn(), 400, "page");
        assertProblem(mvc.perform(get("/api/v1/tasks?assignment=everyone").with(coach)).andReturn(), 400, "assignment");
        assertProblem(mvc.perform(get("/api/v1/tasks?dueBefore=morgen").with(coach)).andReturn(), 400, "dueBefore");
        assertProblem(mvc.perform(get("/api/v1/tasks?step=" + "x".repeat(65)).with(coach)).andReturn(), 400, "step");
    }

    private String processInstanceOf(UUID caseId) {
        return jdbc.queryForObject("select id_ from act_ru_execution where business_key_ = ? and parent_id_ is null",
                String.class, caseId.toString());
    }

    private String dueOf(UUID caseId, String taskKey) throws Exception {
        for (JsonNode task : getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("openTasks")) {
            if (task.get("taskKey").asText().equals(taskKey)) {
                return task.hasNonNull("due") ? task.get("due").asText() : null;
            }
        }
        throw new AssertionError("no open task " + taskKey);
    }

    private JsonNode lastMove(UUID caseId) throws Exception {
        JsonNode history = getJson("/api/v1/cases/" + caseId + "/history", TestUsers.wijkcoach());
        return history.get(history.size() - 1);
    }
}
