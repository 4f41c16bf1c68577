package nl.wijkroute.toegang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.deadline.LegalTerm;
import nl.wijkroute.deadline.WorkingDays;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class ToegangApiTest extends ApiTestSupport {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    WorkingDays calendar;

    @Test
    void wmoOnderzoekThenBesluitEachWithTheirLegalTermAndARefusalSendsTheCaseBackToThePlan() throws Exception {
        UUID caseId = caseAtRegie();
        String actionId = getJson("/api/v1/cases/" + caseId + "/plan", TestUsers.wijkcoach()).get("goals").get(0)
                .get("actions").get(0).get("id").asText();

        MvcResult requested = send(post("/api/v1/cases/" + caseId + "/toegang"), TestUsers.wijkcoach(), Map.of("law", "WMO",
                "provision", "Huishoudelijke ondersteuning", "planActionId", actionId, "receivedOn", TODAY.toString()));
        assertThat(requested.getResponse().getStatus()).as(requested.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode request = read(requested);
        String id = request.get("id").asText();
        JsonNode onderzoekTerm = request.get("deadlines").get(0);
        assertThat(onderzoekTerm.get("term").asText()).isEqualTo("WMO_ONDERZOEK");
        assertThat(onderzoekTerm.get("dueOn").asText()).isEqualTo(LegalTerm.WMO_ONDERZOEK.dueOn(TODAY, calendar).toString());
        assertThat(onderzoekTerm.get("legalBasis").asText()).contains("Wmo 2015 art. 2.3.2");
        assertThat(onderzoekTerm.get("workingDaysLeft").asInt()).isBetween(25, 30);
        assertThat(allItems("/api/v1/toegang", TestUsers.toegang()).findValuesAsText("id")).contains(id);

        Map<String, Integer> before = rowCounts();
        assertProblem(send(post("/api/v1/toegang/" + id + "/decision"), TestUsers.toegang(), Map.of("outcome", "GRANTED")), 409);
        assertThat(rowCounts()).as("no decision before the onderzoek").isEqualTo(before);

        JsonNode afterOnderzoek = read(send(post("/api/v1/toegang/" + id + "/onderzoek"), TestUsers.toegang(),
                Map.of("aanvraagReceivedOn", TODAY.toString(), "summary", "Eigen kracht en netwerk onvoldoende.")));
        assertThat(afterOnderzoek.get("phase").asText()).isEqualTo("BESLUIT");
        assertThat(afterOnderzoek.get("deadlines").findValuesAsText("status")).containsExactly("MET", "RUNNING");
        assertThat(afterOnderzoek.get("deadlines").get(1).get("dueOn").asText()).isEqualTo(LegalTerm.WMO_BESCHIKKING.dueOn(TODAY, calendar).toString());

        assertProblem(send(post("/api/v1/toegang/" + id + "/decision"), TestUsers.toegang(), Map.of("outcome", "REFUSED")), 400, "reason");
        JsonNode decided = read(send(post("/api/v1/toegang/" + id + "/decision"), TestUsers.toegang(),
                Map.of("outcome", "REFUSED", "reason", "Algemene voorziening (schoonmaakhulp via de wijk) is passend.",
                        "clientondersteuningOffered", true)));
        assertThat(decided.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(decided.get("deadlines").findValuesAsText("status")).containsOnly("MET");

        JsonNode caseFile = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach());
        assertThat(caseFile.get("currentStage").asText()).isEqualTo("PLAN");
        JsonNode history = getJson("/api/v1/cases/" + caseId + "/history", TestUsers.wijkcoach());
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("from").asText()).isEqualTo("REGIE");
        assertThat(last.get("reason").asText()).as("the details stay on the toegang request").isEqualTo("Toegang afgewezen");
        assertThat(last.get("actor").asText()).isEqualTo("toegang");
    }

    @Test
    void aSuspensionMovesTheEndAndNeedsAReason() throws Exception {
        UUID caseId = openCaseInNoord();
        LocalDate received = TODAY.minusDays(10);
        JsonNode request = read(send(post("/api/v1/cases/" + caseId + "/toegang"), TestUsers.wijkcoach(), Map.of("law", "JEUGDWET",
                "provision", "Ambulante jeugdhulp", "receivedOn", received.toString())));
        String deadlineId = request.get("deadlines").get(0).get("id").asText();
        Map<String, Integer> before = rowCounts();

        assertProblem(send(post("/api/v1/deadlines/" + deadlineId + "/suspend"), TestUsers.toegangJeugd(),
                Map.of("since", TODAY.minusDays(8).toString())), 400, "reason");
        assertProblem(send(post("/api/v1/deadlines/" + deadlineId + "/suspend"), TestUsers.toegangJeugd(),
                Map.of("since", received.minusDays(1).toString(), "reason", "x")), 400, "since");
        assertProblem(send(post("/api/v1/deadlines/" + deadlineId + "/resume"), TestUsers.toegangJeugd(), Map.of("on", TODAY.toString())), 409);
        assertThat(rowCounts()).isEqualTo(before);

        JsonNode suspended = read(send(post("/api/v1/deadlines/" + deadlineId + "/suspend"), TestUsers.toegangJeugd(),
                Map.of("since", TODAY.minusDays(8).toString(), "reason", "Wachten op de verklaring van de school")));
        assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");
        String processId = runtimeService.createProcessInstanceQuery().processDefinitionKey("toegang")
                .processInstanceBusinessKey(request.get("id").asText()).singleResult().getId();
        assertThat(managementService.createJobQuery().processInstanceId(processId).suspended().count()).isEqualTo(2);

        MvcResult resume = send(post("/api/v1/deadlines/" + deadlineId + "/resume"), TestUsers.toegangJeugd(), Map.of("on", TODAY.toString()));
        assertThat(resume.getResponse().getStatus()).as(resume.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode resumed = read(resume);
        assertThat(resumed.get("suspendedDays").asInt()).isEqualTo(8);
        assertThat(resumed.get("dueOn").asText()).isEqualTo(LegalTerm.JEUGDWET_BESLUIT.dueOnAfterSuspension(received, 8, calendar).toString());
        assertThat(managementService.createJobQuery().processInstanceId(processId).active().count()).isEqualTo(2);
    }

    @Test
    void aConsulentSeesTheCasesOtherTermsButActsOnlyOnTermsUnderTheirOwnLaws() throws Exception {
        UUID caseId = openCaseInNoord();
        String wmoTerm = read(send(post("/api/v1/cases/" + caseId + "/toegang"), TestUsers.wijkcoach(), Map.of("law", "WMO",
                "provision", "Begeleiding individueel", "receivedOn", TODAY.toString()))).get("deadlines").get(0).get("id").asText();
        String jeugdTerm = read(send(post("/api/v1/cases/" + caseId + "/toegang"), TestUsers.wijkcoach(), Map.of("law", "JEUGDWET",
                "provision", "Ambulante jeugdhulp", "receivedOn", TODAY.toString()))).get("deadlines").get(0).get("id").asText();
        Map<String, Object> suspension = Map.of("since", TODAY.toString(), "reason", "Wachten op stukken");
        Map<String, Integer> before = rowCounts();

        assertProblem(send(post("/api/v1/deadlines/" + wmoTerm + "/suspend"), TestUsers.toegangJeugd(), suspension), 404);
        assertProblem(send(post("/api/v1/deadlines/" + jeugdTerm + "/suspend"), TestUsers.toegang(), suspension), 404);
        assertThat(rowCounts()).as("nothing suspended").isEqualTo(before);
        assertThat(jdbc.queryForObject("""
                select count(*) from access_log where case_id = ? and outcome = 'DENIED' and data_category = 'TOEGANG'
                  and username in ('toegang', 'toegang-jeugd')""", Integer.class, caseId))
                .as("both refusals are in the access log").isEqualTo(2);
        assertThat(getJson("/api/v1/cases/" + caseId + "/deadlines", TestUsers.toegangJeugd()).findValuesAsText("id"))
                .as("reading the whole case's terms stays allowed").contains(wmoTerm, jeugdTerm);

        MvcResult own = send(post("/api/v1/deadlines/" + jeugdTerm + "/suspend"), TestUsers.toegangJeugd(), suspension);
        assertThat(own.getResponse().getStatus()).as(own.getResponse().getContentAsString()).isEqualTo(200);
    }

    @Test
    void termsAtRiskShowPerTeamAndABreachRaisesAStagnationSignal() throws Exception {
        UUID caseId = openCaseInNoord();
        JsonNode request = read(send(post("/api/v1/cases/" + caseId + "/toegang"), TestUsers.wijkcoach(), Map.of("law", "PARTICIPATIEWET",
                "provision", "Bijstand levensonderhoud", "receivedOn", TODAY.minusDays(53).toString())));
        String deadlineId = request.get("deadlines").get(0).get("id").asText();

        assertThat(allItems("/api/v1/deadlines?team=team-noord", TestUsers.wijkcoach()).findValuesAsText("id")).contains(deadlineId);
        assertThat(allItems("/api/v1/deadlines?team=team-zuid", TestUsers.wijkcoach()).findValuesAsText("id")).doesNotContain(deadlineId);
        // Another team's terms are not in wijkcoach2's list, filter or no filter; managers see counts on the dashboard.
        assertThat(allItems("/api/v1/deadlines", TestUsers.wijkcoach2()).findValuesAsText("id")).doesNotContain(deadlineId);
        assertProblem(mvc.perform(get("/api/v1/deadlines").with(TestUsers.manager())).andReturn(), 403);
        assertProblem(mvc.perform(get("/api/v1/deadlines").with(TestUsers.partnerGgz())).andReturn(), 403);

        String processId = runtimeService.createProcessInstanceQuery().processDefinitionKey("toegang")
                .processInstanceBusinessKey(request.get("id").asText()).singleResult().getId();
        managementService.createJobQuery().processInstanceId(processId).timers().list()
                .forEach(job -> managementService.executeJob(job.getId()));

        JsonNode deadline = getJson("/api/v1/cases/" + caseId + "/deadlines", TestUsers.wijkcoach()).get(0);
        assertThat(deadline.get("atRisk").asBoolean()).isTrue();
        assertThat(deadline.get("breached").asBoolean()).isTrue();
        assertThat(allItems("/api/v1/stagnation-signals", TestUsers.procesregisseur()).findValuesAsText("kind"))
                .contains("DEADLINE_AT_RISK", "DEADLINE_BREACHED");
        assertThat(allItems("/api/v1/stagnation-signals", TestUsers.procesregisseur()).findValuesAsText("description"))
                .as("every procesregisseur reads them: no law named").noneMatch(text -> text.contains("Wmo") || text.contains("Jeugdwet"));
    }

    @Test
    void badToegangRequestsAreRefusedByFieldAndChangeNothing() throws Exception {
        UUID caseId = openCaseInNoord();
        Map<String, Integer> before = rowCounts();
        assertRefused(caseId, body -> body.put("law", "KINDEROPVANGWET"), 400, "law");
        assertRefused(caseId, body -> body.put("urgent", true), 400, "urgent");
        assertRefused(caseId, body -> body.put("planActionId", UUID.randomUUID().toString()), 400, "planActionId");
        assertRefused(caseId, body -> body.put("receivedOn", TODAY.plusDays(1).toString()), 400, "receivedOn");
        assertRefused(caseId, body -> body.remove("provision"), 400, "provision");
        assertProblem(send(post("/api/v1/cases/" + UUID.randomUUID() + "/toegang"), TestUsers.wijkcoach(), toegangBody()), 404);
        assertProblem(send(post("/api/v1/cases/" + caseId + "/toegang"), TestUsers.partnerGgz(), toegangBody()), 403);
        assertProblem(send(post("/api/v1/toegang/" + UUID.randomUUID() + "/decision"), TestUsers.toegang(),
                Map.of("outcome", "GRANTED")), 404);
        assertThat(rowCounts()).isEqualTo(before);

        String id = read(send(post("/api/v1/cases/" + caseId + "/toegang"), TestUsers.wijkcoach(), toegangBody())).get("id").asText();
        assertProblem(send(post("/api/v1/toegang/" + id + "/decision"), TestUsers.wijkcoach(), Map.of("outcome", "GRANTED")), 403);
        assertProblem(send(post("/api/v1/toegang/" + id + "/decision"), TestUsers.toegang(), Map.of("outcome", "MAYBE")), 400, "outcome");
    }

    @Test
    void aToegangRequestRunsOnToItsLegalDecisionAfterTheCaseClosesAndTheCaseFileShowsIt() throws Exception {
        UUID caseId = caseAtRegie();
        MvcResult requested = send(post("/api/v1/cases/" + caseId + "/toegang"), TestUsers.wijkcoach(), toegangBody());
        assertThat(requested.getResponse().getStatus()).as(requested.getResponse().getContentAsString()).isEqualTo(201);
        String requestId = read(requested).get("id").asText();
        step(caseId, "regie", TestUsers.wijkcoach(), Map.of("outcome", "TO_EVALUATIE"));

        step(caseId, "evaluatie", TestUsers.wijkcoach(), Map.of("outcome", "CLOSE", "reason", "Doelen bereikt."));

        String toegangReads = "select count(*) from access_log where case_id = ? and data_category = 'TOEGANG' and action = 'READ'";
        int readsBefore = jdbc.queryForObject(toegangReads, Integer.class, caseId);
        JsonNode caseFile = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach());
        assertThat(jdbc.queryForObject(toegangReads, Integer.class, caseId))
                .as("the requests in the case file are a read of toegang data").isEqualTo(readsBefore + 1);
        assertThat(caseFile.get("currentStage").asText()).isEqualTo("NAZORG");
        assertThat(caseFile.get("toegangStillToDecide")).hasSize(1);
        assertThat(caseFile.get("toegangStillToDecide").get(0).get("id").asText()).isEqualTo(requestId);
        assertThat(caseFile.get("toegangStillToDecide").get(0).get("phase").asText()).isEqualTo("ONDERZOEK");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId).count())
                .as("the municipality must still decide").isEqualTo(1);
    }

    private void assertRefused(UUID caseId, java.util.function.Consumer<Map<String, Object>> change, int status, String field)
            throws Exception {
        Map<String, Object> body = toegangBody();
        change.accept(body);
        assertProblem(send(post("/api/v1/cases/" + caseId + "/toegang"), TestUsers.wijkcoach(), body), status, field);
    }

    private static Map<String, Object> toegangBody() {
        return new HashMap<>(Map.of("law", "WMO", "provision", "Begeleiding individueel", "receivedOn", TODAY.toString()));
    }

    private UUID caseAtRegie() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", TestUsers.wijkcoach(), Map.of("outcome", "TO_PLAN", "realQuestion", "Hulp in huis."));
        agreedPlan(caseId);
        step(caseId, "plan", TestUsers.wijkcoach(), Map.of("outcome", "TO_REGIE", "firstEvaluationDate", TODAY.plusWeeks(8).toString()));
        return caseId;
    }

}
