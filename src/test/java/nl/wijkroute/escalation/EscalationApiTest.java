package nl.wijkroute.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.partner.OrganisationType;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class EscalationApiTest extends ApiTestSupport {

    @Autowired
    OrganisationService organisations;

    @Autowired
    RuntimeService runtimeService;

    @BeforeEach
    void partners() {
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
        organisations.ensure("zorgverzekeraar-cz", "Zorgverzekeraar", OrganisationType.OVERIG);
        organisations.ensure("werk-en-inkomen", "Werk & Inkomen", OrganisationType.WERK_EN_INKOMEN);
    }

    /** The GGZ-crisis casus of the Oosterhout vision: nobody wants to pay, the procesregisseur breaks through. */
    @Test
    void whoPaysDoorbraakByAProcesregisseurAndBackToTheCasusregisseur() throws Exception {
        UUID caseId = openCaseInNoord();
        MvcResult raised = send(post("/api/v1/cases/" + caseId + "/escalations"), TestUsers.wijkcoach(), Map.of(
                "cause", "FINANCING_CONFLICT",
                "description", "Crisisopvang GGZ nodig; zorgverzekeraar en gemeente wijzen naar elkaar voor de bekostiging."));
        assertThat(raised.getResponse().getStatus()).as(raised.getResponse().getContentAsString()).isEqualTo(201);
        String id = read(raised).get("id").asText();
        assertThat(read(raised).get("reflectieThema").asText()).isEqualTo("Slim geld");
        assertThat(allItems("/api/v1/escalations", TestUsers.procesregisseur()).findValuesAsText("id")).contains(id);

        JsonNode taken = read(send(post("/api/v1/escalations/" + id + "/take"), TestUsers.procesregisseur(), Map.of()));
        assertThat(taken.get("status").asText()).isEqualTo("TAKEN");
        JsonNode regie = getJson("/api/v1/cases/" + caseId + "/regie", TestUsers.wijkcoach());
        assertThat(regie.get("procesregie").get("holder").asText()).isEqualTo("procesregisseur");
        assertThat(regie.get("casusregie").get("holder").asText()).as("casusregie stays where it was").isEqualTo("team-noord");
        assertProblem(send(post("/api/v1/escalations/" + id + "/take"), TestUsers.procesregisseur2(), Map.of()), 409);

        JsonNode doorbraak = read(send(post("/api/v1/escalations/" + id + "/doorbraak"), TestUsers.procesregisseur(), doorbraak()));
        assertThat(doorbraak.get("status").asText()).isEqualTo("DOORBRAAK");
        assertThat(doorbraak.get("doorbraak").get("payer").asText()).isEqualTo("gemeente");
        assertThat(doorbraak.get("actions")).hasSize(2);
        String actionId = doorbraak.get("actions").get(0).get("id").asText();
        JsonNode done = read(send(post("/api/v1/escalations/" + id + "/actions/" + actionId + "/done"), TestUsers.procesregisseur(), Map.of()));
        assertThat(done.get("actions").get(0).get("doneOn").asText()).isNotEmpty();

        Map<String, Integer> before = rowCounts();
        assertProblem(send(post("/api/v1/escalations/" + id + "/deescalate"), TestUsers.procesregisseur2(),
                Map.of("note", "Ik neem het over")), 409);
        assertThat(rowCounts()).as("de-escalating what you do not hold changes nothing").isEqualTo(before);

        JsonNode back = read(send(post("/api/v1/escalations/" + id + "/deescalate"), TestUsers.procesregisseur(),
                Map.of("note", "Gemeente betaalt tot 1 maart; zorgverzekeraar neemt het daarna over. Regie terug bij het wijkteam.")));
        assertThat(back.get("status").asText()).isEqualTo("DEESCALATED");
        assertThat(getJson("/api/v1/cases/" + caseId + "/regie", TestUsers.wijkcoach()).get("procesregie")).isNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
    }

    @Test
    void aDetectedStagnationCanBeEscalatedByAProcesregisseurAndIsResolvedOnDeescalation() throws Exception {
        UUID caseId = openCaseInNoord();
        String signalId = jdbc.queryForObject("""
                insert into stagnation_signal (id, case_id, kind, description, raised_at)
                values (gen_random_uuid(), ?, 'TIME_IN_STEP', 'Casus staat 30 dagen in triage.', now()) returning id::text
                """, String.class, caseId);
        JsonNode escalation = read(send(post("/api/v1/stagnation-signals/" + signalId + "/escalate"), TestUsers.procesregisseur(), Map.of()));
        assertThat(escalation.get("source").asText()).isEqualTo("DETECTION");
        String id = escalation.get("id").asText();
        send(post("/api/v1/escalations/" + id + "/take"), TestUsers.procesregisseur(), Map.of());
        send(post("/api/v1/escalations/" + id + "/doorbraak"), TestUsers.procesregisseur(), doorbraak());
        send(post("/api/v1/escalations/" + id + "/deescalate"), TestUsers.procesregisseur(), Map.of("note", "Triage afgerond."));
        assertThat(allItems("/api/v1/stagnation-signals", TestUsers.procesregisseur()).findValuesAsText("id")).doesNotContain(signalId);

        Map<String, Integer> before = rowCounts();
        assertProblem(send(post("/api/v1/stagnation-signals/" + signalId + "/escalate"), TestUsers.procesregisseur(), Map.of()), 409);
        assertThat(rowCounts()).as("a resolved signal opens no case again").isEqualTo(before);
    }

    @Test
    void badEscalationsAreRefusedAndChangeNothing() throws Exception {
        UUID caseId = openCaseInNoord();
        Map<String, Integer> before = rowCounts();
        assertProblem(send(post("/api/v1/cases/" + caseId + "/escalations"), TestUsers.wijkcoach(), Map.of("description", "vast")), 400, "cause");
        assertProblem(send(post("/api/v1/cases/" + caseId + "/escalations"), TestUsers.wijkcoach(),
                Map.of("cause", "BAD_WEATHER", "description", "vast")), 400, "cause");
        assertProblem(send(post("/api/v1/cases/" + caseId + "/escalations"), TestUsers.wijkcoach(), Map.of("cause", "SAFETY")), 400, "description");
        assertProblem(send(post("/api/v1/cases/" + UUID.randomUUID() + "/escalations"), TestUsers.wijkcoach(),
                Map.of("cause", "SAFETY", "description", "x")), 404);
        assertProblem(send(post("/api/v1/cases/" + caseId + "/escalations"), TestUsers.manager(),
                Map.of("cause", "SAFETY", "description", "x")), 403);
        assertThat(rowCounts()).isEqualTo(before);

        String id = read(send(post("/api/v1/cases/" + caseId + "/escalations"), TestUsers.wijkcoach(),
                Map.of("cause", "PARTIES_WAIT_FOR_EACH_OTHER", "description", "Iedereen wacht op iedereen."))).get("id").asText();
        assertProblem(send(post("/api/v1/cases/" + caseId + "/escalations"), TestUsers.wijkcoach(),
                Map.of("cause", "SAFETY", "description", "nog een")), 409);
        assertProblem(send(post("/api/v1/escalations/" + id + "/doorbraak"), TestUsers.procesregisseur(), doorbraak()), 409);
        send(post("/api/v1/escalations/" + id + "/take"), TestUsers.procesregisseur(), Map.of());
        before = rowCounts();
        Map<String, Object> unknownOrganisation = doorbraak();
        unknownOrganisation.put("participants", List.of("ggz-breburg", "bestaat-niet"));
        assertProblem(send(post("/api/v1/escalations/" + id + "/doorbraak"), TestUsers.procesregisseur(), unknownOrganisation),
                400, "participants[1]");
        Map<String, Object> payerWithoutEnd = doorbraak();
        payerWithoutEnd.remove("payUntil");
        assertProblem(send(post("/api/v1/escalations/" + id + "/doorbraak"), TestUsers.procesregisseur(), payerWithoutEnd), 400, "payUntil");
        Map<String, Object> noActions = doorbraak();
        noActions.put("actions", List.of());
        assertProblem(send(post("/api/v1/escalations/" + id + "/doorbraak"), TestUsers.procesregisseur(), noActions), 400, "actions");
        assertProblem(send(post("/api/v1/escalations/" + id + "/deescalate"), TestUsers.procesregisseur(), Map.of("note", "klaar")), 409);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void closingACaseWithAnOpenEscalationIsRefusedUntilTheProcesregisseurDeescalates() throws Exception {
        UUID caseId = caseAtEvaluatie();
        String id = read(send(post("/api/v1/cases/" + caseId + "/escalations"), TestUsers.wijkcoach(),
                Map.of("cause", "PARTIES_WAIT_FOR_EACH_OTHER", "description", "Schuldhulp en GGZ wachten op elkaar."))).get("id").asText();
        String evaluatie = openTask(caseId, "evaluatie");
        claim(evaluatie, TestUsers.wijkcoach());
        Map<String, Object> close = Map.of("step", "evaluatie", "outcome", "CLOSE", "reason", "Doelen bereikt.");

        MvcResult refused = complete(evaluatie, TestUsers.wijkcoach(), close);

        assertProblem(refused, 409);
        assertThat(read(refused).get("detail").asText()).contains("escalatie");
        JsonNode stillOpen = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach());
        assertThat(stillOpen.get("currentStage").asText()).isEqualTo("EVALUATIE");
        assertThat(stillOpen.get("status").asText()).isEqualTo("OPEN");

        send(post("/api/v1/escalations/" + id + "/take"), TestUsers.procesregisseur(), Map.of());
        send(post("/api/v1/escalations/" + id + "/doorbraak"), TestUsers.procesregisseur(), doorbraak());
        assertThat(send(post("/api/v1/escalations/" + id + "/deescalate"), TestUsers.procesregisseur(),
                Map.of("note", "Afspraken lopen.")).getResponse().getStatus()).isEqualTo(200);

        MvcResult closed = complete(evaluatie, TestUsers.wijkcoach(), close);
        assertThat(closed.getResponse().getStatus()).as(closed.getResponse().getContentAsString()).isEqualTo(204);
        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("currentStage").asText()).isEqualTo("NAZORG");
    }

    private UUID caseAtEvaluatie() throws Exception {
        UUID caseId = caseInRegie();
        step(caseId, "regie", TestUsers.wijkcoach(), outcome("TO_EVALUATIE", null));
        return caseId;
    }

    private static Map<String, Object> doorbraak() {
        return new HashMap<>(Map.of(
                "casusoverlegAt", Instant.now().minusSeconds(3600).toString(),
                "participants", List.of("ggz-breburg", "zorgverzekeraar-cz", "werk-en-inkomen"),
                "decision", "De gemeente betaalt de crisisopvang voorlopig; GGZ start behandeling deze week.",
                "payer", "gemeente",
                "payUntil", LocalDate.now(MunicipalTime.ZONE).plusMonths(3).toString(),
                "followUpBefore", LocalDate.now(MunicipalTime.ZONE).plusWeeks(2).toString(),
                "actions", List.of(
                        Map.of("description", "Intake crisisopvang", "organisationId", "ggz-breburg", "dueOn", LocalDate.now(MunicipalTime.ZONE).plusDays(2).toString()),
                        Map.of("description", "Besluit over de bekostiging na 1 maart", "organisationId", "zorgverzekeraar-cz",
                                "dueOn", LocalDate.now(MunicipalTime.ZONE).plusMonths(2).toString()))));
    }

}
