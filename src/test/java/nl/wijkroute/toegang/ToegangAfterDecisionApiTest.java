package nl.wijkroute.toegang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.deadline.LegalTerm;
import nl.wijkroute.deadline.WorkingDays;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** What follows a toegang decision (issue 17 item 5, decision 0050): the route's back-move, bezwaar, grant period, herindicatie. */
class ToegangAfterDecisionApiTest extends ApiTestSupport {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate TODAY = LocalDate.now(AMSTERDAM);

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    WorkingDays calendar;

    @Test
    void aRefusalDuringEvaluatieSendsTheCaseBackToThePlanAsABackMoveAndRecordsTheClientondersteuning() throws Exception {
        UUID caseId = caseInRegie();
        String id = request(caseId, "JEUGDWET", TODAY.minusDays(3));
        step(caseId, "regie", TestUsers.wijkcoach(), Map.of("outcome", "TO_EVALUATIE"));
        Map<String, Integer> before = rowCounts();

        Map<String, Object> refusal = new HashMap<>(Map.of("outcome", "REFUSED", "reason", "Voorliggende voorziening is passend."));
        assertProblem(send(post("/api/v1/toegang/" + id + "/decision"), TestUsers.toegangJeugd(), refusal), 400,
                "clientondersteuningOffered");
        assertThat(rowCounts()).isEqualTo(before);

        refusal.put("clientondersteuningOffered", true);
        MvcResult decided = send(post("/api/v1/toegang/" + id + "/decision"), TestUsers.toegangJeugd(), refusal);
        assertThat(decided.getResponse().getStatus()).as(decided.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode view = read(decided);
        assertThat(view.get("clientondersteuningOffered").asBoolean()).isTrue();
        assertThat(view.get("decisionSentOn").asText()).isEqualTo(TODAY.toString());
        assertThat(view.get("bezwaarTermEndsOn").asText()).isEqualTo(LegalTerm.BEZWAARTERMIJN.dueOn(TODAY, calendar).toString());
        assertThat(view.path("grantedFrom").isMissingNode() || view.get("grantedFrom").isNull()).as("no period").isTrue();

        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("currentStage").asText()).isEqualTo("PLAN");
        Map<String, Object> move = jdbc.queryForMap("""
                select from_stage, to_stage, reason, back_move from step_history where case_id = ? order by id desc limit 1""", caseId);
        assertThat(move.get("from_stage")).isEqualTo("EVALUATIE");
        assertThat(move.get("to_stage")).isEqualTo("PLAN");
        assertThat(move.get("back_move")).as("counted as a back-move (decision 0028)").isEqualTo(true);
        assertThat(move.get("reason")).as("only a neutral text: the details stay on the toegang request")
                .isEqualTo("Toegang afgewezen");
    }

    @Test
    void theHistoryAfterARefusalHoldsNoToegangDetailsAndALongDecisionReasonFits() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("SHORT_ROUTE", "SINGLE", false, null));
        String id = request(caseId, "PARTICIPATIEWET", TODAY.minusDays(5));
        step(caseId, "toeleiding", TestUsers.wijkcoach(), Map.of("outcome", "CONNECTED", "connectedTo", "Werkplein"));
        // The longest reason the API accepts: with the old prefix it overflowed step_history.reason (a 500).
        String reason = "Geheime-overweging ".repeat(200).substring(0, 2000);

        MvcResult decided = send(post("/api/v1/toegang/" + id + "/decision"), TestUsers.toegangJeugd(), Map.of("outcome", "REFUSED",
                "reason", reason, "clientondersteuningOffered", true));
        assertThat(decided.getResponse().getStatus()).as(decided.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("currentStage").asText()).isEqualTo("TOELEIDING");

        MvcResult history = send(get("/api/v1/cases/" + caseId + "/history"), TestUsers.frontoffice(), null);
        assertThat(history.getResponse().getStatus()).as(history.getResponse().getContentAsString()).isEqualTo(200);
        String body = history.getResponse().getContentAsString();
        assertThat(body).contains("Toegang afgewezen").doesNotContain("Geheime-overweging").doesNotContain("PARTICIPATIEWET")
                .doesNotContain("Bijstand levensonderhoud").doesNotContain("cliëntondersteuning");
    }

    @Test
    void aPartialGrantAfterTheShortRouteClosedTakesTheCaseFromNazorgBackToTheToeleiding() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("SHORT_ROUTE", "SINGLE", false, null));
        String id = request(caseId, "PARTICIPATIEWET", TODAY.minusDays(5));
        step(caseId, "toeleiding", TestUsers.wijkcoach(), Map.of("outcome", "CONNECTED", "connectedTo", "Werkplein"));
        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("currentStage").asText()).isEqualTo("NAZORG");

        MvcResult decided = send(post("/api/v1/toegang/" + id + "/decision"), TestUsers.toegangJeugd(), Map.of("outcome", "PARTLY",
                "reason", "Deels: alleen levensonderhoud.", "clientondersteuningOffered", false,
                "grantedFrom", TODAY.toString(), "grantedUntil", TODAY.plusMonths(6).toString()));
        assertThat(decided.getResponse().getStatus()).as(decided.getResponse().getContentAsString()).isEqualTo(200);

        JsonNode caseFile = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach());
        assertThat(caseFile.get("currentStage").asText()).isEqualTo("TOELEIDING");
        assertThat(caseFile.get("status").asText()).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select back_move from step_history where case_id = ? order by id desc limit 1",
                Boolean.class, caseId)).isTrue();
        assertThat(openTask(caseId, "toeleiding")).as("the team has the toeleiding task again").isNotNull();
    }

    @Test
    void aGrantHasAPeriodAndItsHerindicatieTaskComesEightWeeksBeforeItEnds() throws Exception {
        UUID caseId = openCaseInNoord();
        String id = request(caseId, "JEUGDWET", TODAY.minusDays(10));
        String url = "/api/v1/toegang/" + id + "/decision";
        LocalDate from = TODAY.plusDays(1);
        LocalDate until = from.plusYears(1);
        Map<String, Integer> before = rowCounts();

        assertProblem(send(post(url), TestUsers.toegangJeugd(), Map.of("outcome", "GRANTED")), 400, "grantedFrom");
        assertProblem(send(post(url), TestUsers.toegangJeugd(), Map.of("outcome", "GRANTED", "grantedFrom", from.toString())), 400,
                "grantedUntil");
        assertProblem(send(post(url), TestUsers.toegangJeugd(), Map.of("outcome", "GRANTED", "grantedFrom", from.toString(),
                "grantedUntil", from.toString())), 400, "grantedUntil");
        assertProblem(send(post(url), TestUsers.toegangJeugd(), Map.of("outcome", "GRANTED", "grantedFrom", "morgen",
                "grantedUntil", until.toString())), 400, "grantedFrom");
        assertProblem(send(post(url), TestUsers.toegangJeugd(), grant(from, until, Map.of("clientondersteuningOffered", true))),
                400, "clientondersteuningOffered");
        assertProblem(send(post(url), TestUsers.toegangJeugd(), grant(from, until, Map.of("sentOn", TODAY.plusDays(1).toString()))),
                400, "sentOn");
        assertProblem(send(post(url), TestUsers.toegangJeugd(), grant(from, until, Map.of("sentOn", TODAY.minusDays(11).toString()))),
                400, "sentOn");
        assertProblem(send(post(url), TestUsers.toegangJeugd(), Map.of("outcome", "REFUSED", "reason", "Nee.",
                "clientondersteuningOffered", true, "grantedFrom", from.toString())), 400, "grantedFrom");
        assertProblem(send(post(url), TestUsers.wijkcoach(), grant(from, until, Map.of())), 403);
        assertProblem(send(post(url), TestUsers.toegang(), grant(from, until, Map.of())), 404);
        assertThat(rowCounts()).as("nothing decided").isEqualTo(before);

        JsonNode decided = read(send(post(url), TestUsers.toegangJeugd(), grant(from, until, Map.of())));
        LocalDate herindicatieOn = until.minusWeeks(8);
        assertThat(decided.get("grantedFrom").asText()).isEqualTo(from.toString());
        assertThat(decided.get("grantedUntil").asText()).isEqualTo(until.toString());
        assertThat(decided.get("herindicatieOn").asText()).isEqualTo(herindicatieOn.toString());
        assertThat(decided.path("clientondersteuningOffered").isMissingNode() || decided.get("clientondersteuningOffered").isNull())
                .isTrue();
        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("currentStage").asText())
                .as("a grant does not move the route").isEqualTo("TRIAGE");

        List<Job> timers = timersOf(id);
        assertThat(timers).hasSize(1);
        assertThat(timers.get(0).getDuedate()).isEqualTo(Date.from(herindicatieOn.atTime(LocalTime.of(8, 0)).atZone(AMSTERDAM).toInstant()));
        assertProblem(send(post("/api/v1/toegang/" + id + "/herindicatie"), TestUsers.toegangJeugd(), null), 409);

        managementService.executeJob(timers.get(0).getId());
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("herindicatie")
                .taskCandidateGroup("toegang").count()).isEqualTo(1);
        assertProblem(send(post("/api/v1/toegang/" + id + "/herindicatie"), TestUsers.wijkcoach(), null), 403);
        MvcResult done = send(post("/api/v1/toegang/" + id + "/herindicatie"), TestUsers.toegangJeugd(), null);
        assertThat(done.getResponse().getStatus()).as(done.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(read(done).path("herindicatieDoneAt").isTextual()).isTrue();
        assertProblem(send(post("/api/v1/toegang/" + id + "/herindicatie"), TestUsers.toegangJeugd(), null), 409);
    }

    @Test
    void aBezwaarRunsOnTheLegalClockCanBePostponedOnceAndWhenGegrondReplacesTheDecision() throws Exception {
        UUID caseId = openCaseInNoord();
        String id = request(caseId, "WMO", TODAY.minusDays(30));
        String bezwaarUrl = "/api/v1/toegang/" + id + "/bezwaar";
        Map<String, Object> bezwaarBody = Map.of("receivedOn", TODAY.toString(), "advisoryCommittee", false);
        assertProblem(send(post(bezwaarUrl), TestUsers.toegang(), bezwaarBody), 409);
        read(send(post("/api/v1/toegang/" + id + "/onderzoek"), TestUsers.toegang(), Map.of("aanvraagReceivedOn",
                TODAY.minusDays(20).toString())));
        LocalDate sentOn = TODAY.minusDays(7);
        read(send(post("/api/v1/toegang/" + id + "/decision"), TestUsers.toegang(), Map.of("outcome", "REFUSED",
                "reason", "Algemene voorziening is passend.", "clientondersteuningOffered", true, "sentOn", sentOn.toString())));
        LocalDate termEnds = LegalTerm.BEZWAARTERMIJN.dueOn(sentOn, calendar);
        Map<String, Integer> before = rowCounts();

        assertProblem(send(post(bezwaarUrl), TestUsers.toegang(), Map.of("receivedOn", TODAY.toString())), 400, "advisoryCommittee");
        assertProblem(send(post(bezwaarUrl), TestUsers.toegang(), Map.of("receivedOn", TODAY.plusDays(1).toString(),
                "advisoryCommittee", false)), 400, "receivedOn");
        assertProblem(send(post(bezwaarUrl), TestUsers.toegang(), Map.of("receivedOn", sentOn.minusDays(1).toString(),
                "advisoryCommittee", false)), 400, "receivedOn");
        assertProblem(send(post(bezwaarUrl), TestUsers.wijkcoach(), bezwaarBody), 403);
        assertProblem(send(post(bezwaarUrl), TestUsers.toegangJeugd(), bezwaarBody), 404);
        assertProblem(send(post("/api/v1/toegang/" + UUID.randomUUID() + "/bezwaar"), TestUsers.toegang(), bezwaarBody), 404);
        assertProblem(mvc.perform(get(bezwaarUrl).with(TestUsers.wijkcoach())).andReturn(), 404);
        assertThat(rowCounts()).isEqualTo(before);

        MvcResult objected = send(post(bezwaarUrl), TestUsers.toegang(), bezwaarBody);
        assertThat(objected.getResponse().getStatus()).as(objected.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode bezwaar = read(objected);
        assertThat(bezwaar.get("timely").asBoolean()).isTrue();
        assertThat(bezwaar.get("originalOutcome").asText()).isEqualTo("REFUSED");
        JsonNode term = bezwaar.get("deadlines").get(0);
        assertThat(term.get("term").asText()).isEqualTo("BESLISSING_OP_BEZWAAR");
        assertThat(term.get("legalBasis").asText()).contains("Awb art. 7:10");
        assertThat(term.get("dueOn").asText()).as("six weeks after the bezwaartermijn ended")
                .isEqualTo(LegalTerm.BESLISSING_OP_BEZWAAR.dueOn(termEnds, calendar).toString());
        assertProblem(send(post(bezwaarUrl), TestUsers.toegang(), bezwaarBody), 409);
        assertThat(getJson(bezwaarUrl, TestUsers.wijkcoach()).get("id").asText()).isEqualTo(bezwaar.get("id").asText());
        assertProblem(mvc.perform(get(bezwaarUrl).with(TestUsers.partnerGgz())).andReturn(), 403);

        List<Job> timers = timersOf(id);
        assertThat(timers).as("warning and breach of the bezwaar term").hasSize(2);

        String deadlineId = term.get("id").asText();
        assertProblem(send(post("/api/v1/deadlines/" + deadlineId + "/extend"), TestUsers.toegang(), Map.of()), 400, "reason");
        assertProblem(send(post("/api/v1/deadlines/" + deadlineId + "/extend"), TestUsers.wijkcoach(), Map.of("reason", "x")), 403);
        JsonNode extended = read(send(post("/api/v1/deadlines/" + deadlineId + "/extend"), TestUsers.toegang(),
                Map.of("reason", "Advies van de medisch adviseur volgt later.")));
        LocalDate newDue = LegalTerm.BESLISSING_OP_BEZWAAR.dueOn(termEnds, 6, 0, calendar);
        assertThat(extended.get("extendedWeeks").asInt()).isEqualTo(6);
        assertThat(extended.get("dueOn").asText()).isEqualTo(newDue.toString());
        assertThat(timersOf(id)).extracting(Job::getDuedate)
                .contains(Date.from(newDue.plusDays(1).atStartOfDay(AMSTERDAM).toInstant()));
        assertProblem(send(post("/api/v1/deadlines/" + deadlineId + "/extend"), TestUsers.toegang(), Map.of("reason", "Nog eens.")), 409);

        String decisionUrl = bezwaarUrl + "/decision";
        assertProblem(send(post(decisionUrl), TestUsers.toegang(), Map.of("outcome", "GEGROND", "reason", "Terecht.")), 400,
                "revisedOutcome");
        assertProblem(send(post(decisionUrl), TestUsers.toegang(), Map.of("outcome", "ONGEGROND", "reason", "Nee.",
                "revisedOutcome", "GRANTED")), 400, "revisedOutcome");
        assertProblem(send(post(decisionUrl), TestUsers.toegang(), Map.of("outcome", "ONGEGROND")), 400, "reason");
        assertProblem(send(post(decisionUrl), TestUsers.toegang(), Map.of("outcome", "VERWORPEN", "reason", "x")), 400, "outcome");
        assertProblem(send(post(decisionUrl), TestUsers.toegang(), Map.of("outcome", "GEGROND", "reason", "Terecht.",
                "revisedOutcome", "GRANTED")), 400, "grantedFrom");
        assertProblem(send(post(decisionUrl), TestUsers.wijkcoach(), Map.of("outcome", "INGETROKKEN")), 403);

        MvcResult gegrond = send(post(decisionUrl), TestUsers.toegang(), Map.of("outcome", "GEGROND",
                "reason", "De algemene voorziening is niet bereikbaar.", "revisedOutcome", "GRANTED",
                "grantedFrom", TODAY.toString(), "grantedUntil", TODAY.plusMonths(9).toString()));
        assertThat(gegrond.getResponse().getStatus()).as(gegrond.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode decidedBezwaar = read(gegrond);
        assertThat(decidedBezwaar.get("outcome").asText()).isEqualTo("GEGROND");
        assertThat(decidedBezwaar.get("deadlines").get(0).get("status").asText()).isEqualTo("MET");
        JsonNode revised = getJson("/api/v1/toegang/" + id, TestUsers.toegang());
        assertThat(revised.get("outcome").asText()).as("the revised decision replaces the contested one").isEqualTo("GRANTED");
        assertThat(revised.get("herindicatieOn").asText()).isEqualTo(TODAY.plusMonths(9).minusWeeks(8).toString());
        assertThat(timersOf(id)).as("only the wait for the herindicatie is left").hasSize(1);
        assertProblem(send(post(decisionUrl), TestUsers.toegang(), Map.of("outcome", "INGETROKKEN")), 409);
    }

    @Test
    void aLateBezwaarIsRecordedAsLateAndItsTermRunsFromItsReceipt() throws Exception {
        UUID caseId = openCaseInNoord();
        String id = request(caseId, "JEUGDWET", TODAY.minusDays(80));
        LocalDate sentOn = TODAY.minusDays(60);
        read(send(post("/api/v1/toegang/" + id + "/decision"), TestUsers.toegangJeugd(), Map.of("outcome", "REFUSED",
                "reason", "Geen jeugdhulp nodig.", "clientondersteuningOffered", false, "sentOn", sentOn.toString())));
        assertThat(TODAY).isAfter(LegalTerm.BEZWAARTERMIJN.dueOn(sentOn, calendar));

        JsonNode bezwaar = read(send(post("/api/v1/toegang/" + id + "/bezwaar"), TestUsers.toegangJeugd(),
                Map.of("receivedOn", TODAY.toString(), "advisoryCommittee", true)));
        assertThat(bezwaar.get("timely").asBoolean()).isFalse();
        JsonNode term = bezwaar.get("deadlines").get(0);
        assertThat(term.get("term").asText()).isEqualTo("BESLISSING_OP_BEZWAAR_COMMISSIE");
        assertThat(term.get("dueOn").asText()).isEqualTo(LegalTerm.BESLISSING_OP_BEZWAAR_COMMISSIE.dueOn(TODAY, calendar).toString());

        JsonNode withdrawn = read(send(post("/api/v1/toegang/" + id + "/bezwaar/decision"), TestUsers.toegangJeugd(),
                Map.of("outcome", "INGETROKKEN")));
        assertThat(withdrawn.get("outcome").asText()).isEqualTo("INGETROKKEN");
        assertThat(getJson("/api/v1/toegang/" + id, TestUsers.toegangJeugd()).get("outcome").asText()).isEqualTo("REFUSED");
    }

    @Test
    void suspendingTheBezwaarTermPausesOnlyItsOwnTimersNotTheWaitForTheHerindicatie() throws Exception {
        UUID caseId = openCaseInNoord();
        String id = request(caseId, "JEUGDWET", TODAY.minusDays(80));
        // Sent long ago: the bezwaar is late, so its term runs from today and can be suspended today.
        read(send(post("/api/v1/toegang/" + id + "/decision"), TestUsers.toegangJeugd(),
                grant(TODAY, TODAY.plusYears(1), Map.of("sentOn", TODAY.minusDays(60).toString()))));
        JsonNode bezwaar = read(send(post("/api/v1/toegang/" + id + "/bezwaar"), TestUsers.toegangJeugd(),
                Map.of("receivedOn", TODAY.toString(), "advisoryCommittee", false)));
        String deadlineId = bezwaar.get("deadlines").get(0).get("id").asText();
        String bezwaarProcess = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id)
                .activityIdIn("beslissingOpBezwaar").singleResult().getId();
        String herindicatieProcess = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id)
                .activityIdIn("herindicatieWait").singleResult().getId();

        MvcResult suspended = send(post("/api/v1/deadlines/" + deadlineId + "/suspend"), TestUsers.toegangJeugd(),
                Map.of("since", TODAY.toString(), "reason", "Wachten op het advies van de jeugdarts"));
        assertThat(suspended.getResponse().getStatus()).as(suspended.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(managementService.createJobQuery().processInstanceId(bezwaarProcess).suspended().count()).isEqualTo(2);
        assertThat(managementService.createJobQuery().processInstanceId(herindicatieProcess).active().count())
                .as("the herindicatie is no legal term").isEqualTo(1);

        MvcResult resumed = send(post("/api/v1/deadlines/" + deadlineId + "/resume"), TestUsers.toegangJeugd(),
                Map.of("on", TODAY.toString()));
        assertThat(resumed.getResponse().getStatus()).as(resumed.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(managementService.createJobQuery().processInstanceId(bezwaarProcess).active().count()).isEqualTo(2);
        Date herindicatieAt = Date.from(TODAY.plusYears(1).minusWeeks(8).atTime(LocalTime.of(8, 0)).atZone(AMSTERDAM).toInstant());
        assertThat(managementService.createJobQuery().processInstanceId(herindicatieProcess).singleResult().getDuedate())
                .as("not moved to the term's dates").isEqualTo(herindicatieAt);
    }

    private String request(UUID caseId, String law, LocalDate receivedOn) throws Exception {
        String provision = switch (law) {
            case "JEUGDWET" -> "Ambulante jeugdhulp";
            case "PARTICIPATIEWET" -> "Bijstand levensonderhoud";
            default -> "Huishoudelijke ondersteuning";
        };
        MvcResult requested = send(post("/api/v1/cases/" + caseId + "/toegang"), TestUsers.wijkcoach(), Map.of("law", law,
                "provision", provision, "receivedOn", receivedOn.toString()));
        assertThat(requested.getResponse().getStatus()).as(requested.getResponse().getContentAsString()).isEqualTo(201);
        return read(requested).get("id").asText();
    }

    private static Map<String, Object> grant(LocalDate from, LocalDate until, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("outcome", "GRANTED", "grantedFrom", from.toString(),
                "grantedUntil", until.toString()));
        body.putAll(more);
        return body;
    }

    private List<Job> timersOf(String requestId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("toegang").processInstanceBusinessKey(requestId)
                .list().stream().flatMap(process -> managementService.createJobQuery().processInstanceId(process.getId())
                        .timers().list().stream()).toList();
    }
}
