package nl.wijkroute.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.partner.OrganisationType;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.Bsns;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Issue 17 items 1 and 2: the meldcode record, the veiligheidsplan and Veilig Thuis handing a case back, over HTTP. */
class SafetyApiTest extends ApiTestSupport {

    @Autowired
    OrganisationService organisations;

    @BeforeEach
    void partners() {
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
    }

    @Test
    void theVeiligheidStepCannotCompleteWithoutTheMeldcodeDecision() throws Exception {
        UUID caseId = caseAtVeiligheid();
        String taskId = openTask(caseId, "veiligheid");
        claim(taskId, TestUsers.wijkcoach());

        MvcResult refused = complete(taskId, TestUsers.wijkcoach(),
                Map.of("step", "veiligheid", "outcome", "CONTINUE_FULL_ROUTE"));

        assertProblem(refused, 400, "meldcode.decision");
        assertThat(stageOf(caseId)).isEqualTo("VEILIGHEID");
        meldcodeUpToDecision(caseId, "MELDEN");
        step(caseId, "veiligheid", TestUsers.wijkcoach(), outcome("CONTINUE_FULL_ROUTE", null));
        assertThat(stageOf(caseId)).isEqualTo("VRAAGVERHELDERING");
    }

    @Test
    void theFiveMeldcodeStepsAreRecordedWithDateWhoAndTextAndAStepRecordedAgainKeepsTheEarlierOne() throws Exception {
        UUID caseId = caseAtVeiligheid();
        meldcodeUpToDecision(caseId, "MELDEN_EN_HULP");
        MvcResult again = recordStep(caseId, "SIGNALEN", stepBody("Ook de school meldt blauwe plekken."));
        assertThat(again.getResponse().getStatus()).as(again.getResponse().getContentAsString()).isEqualTo(200);

        JsonNode record = getJson("/api/v1/cases/" + caseId + "/meldcode", TestUsers.wijkcoach());

        assertThat(record.get("steps").findValuesAsText("step"))
                .containsExactly("SIGNALEN", "CONSULTATIE", "GESPREK", "AFWEGING", "BESLISSEN");
        assertThat(record.get("steps").get(0).get("summary").asText()).isEqualTo("Ook de school meldt blauwe plekken.");
        assertThat(record.get("steps").get(0).get("doneBy").asText()).isEqualTo("Wijkcoach Noord");
        assertThat(record.get("steps").get(0).get("recordedBy").asText()).isEqualTo("wijkcoach");
        assertThat(record.get("steps").get(3).get("afweging").get("acuteOrStructuralUnsafety").asBoolean()).isTrue();
        assertThat(record.get("decision").asText()).isEqualTo("MELDEN_EN_HULP");
        assertThat(record.get("decidedOn").asText()).isEqualTo(LocalDate.now(MunicipalTime.ZONE).toString());
        assertThat(record.get("replacedEntries").asInt()).isEqualTo(1);
    }

    @Test
    void theDecisionFollowsTheAfwegingskaderAndBadInputNamesTheField() throws Exception {
        UUID caseId = caseAtVeiligheid();
        Map<String, Integer> before = rowCounts();
        assertProblem(recordStep(caseId, "BESLISSEN", decision("HULP_ORGANISEREN", null)), 400, "decision");
        assertProblem(recordStep(caseId, "SIGNALEN", Map.of("doneBy", "X", "summary", "Y")), 400, "doneOn");
        assertProblem(recordStep(caseId, "SIGNALEN", Map.of("doneOn", LocalDate.now(MunicipalTime.ZONE).plusDays(1).toString(),
                "doneBy", "X", "summary", "Y")), 400, "doneOn");
        assertProblem(recordStep(caseId, "STAP_ZES", stepBody("Onbekend")), 400, "step");
        assertProblem(recordStep(caseId, "AFWEGING", stepBody("Zonder antwoorden")), 400, "afweging");
        Map<String, Object> incomplete = stepBody("Gewogen");
        incomplete.put("afweging", Map.of("suspicion", true, "acuteOrStructuralUnsafety", false));
        assertProblem(recordStep(caseId, "AFWEGING", incomplete), 400, "afweging.canOfferEffectiveHelp");
        Map<String, Object> early = stepBody("Besluit bij stap 1");
        early.put("decision", "MELDEN");
        assertProblem(recordStep(caseId, "SIGNALEN", early), 400, "decision");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from meldcode_entry where case_id = ?", Integer.class, caseId)).isZero();

        // Acute unsafety: melden is obligatory, hulp alone is refused.
        recordOk(caseId, "AFWEGING", afweging(true, true, null, null, null));
        assertProblem(recordStep(caseId, "BESLISSEN", decision("HULP_ORGANISEREN", null)), 400, "decision");
        recordOk(caseId, "BESLISSEN", decision("MELDEN", null));

        // Help that works and is accepted: hulp organiseren suffices.
        recordOk(caseId, "AFWEGING", afweging(true, false, true, true, true));
        recordOk(caseId, "BESLISSEN", decision("HULP_ORGANISEREN", null));

        // No suspicion after all: neither, but only with a reason.
        recordOk(caseId, "AFWEGING", afweging(false, null, null, null, null));
        assertProblem(recordStep(caseId, "BESLISSEN", decision("MELDEN", null)), 400, "decision");
        assertProblem(recordStep(caseId, "BESLISSEN", decision("GEEN", null)), 400, "decisionReason");
        recordOk(caseId, "BESLISSEN", decision("GEEN", "Na het gesprek geen vermoeden meer: ruzie over geld, geen geweld."));
    }

    @Test
    void onlyTheTeamAndBreakTheGlassSeeTheMeldcodeAndAPartnerOnlyThatAVeiligheidsplanExists() throws Exception {
        UUID caseId = caseAtVeiligheid();
        meldcodeUpToDecision(caseId, "MELDEN");
        createVeiligheidsplan(caseId);
        planWithGgzAction(caseId);
        String meldcode = "/api/v1/cases/" + caseId + "/meldcode";
        String veiligheidsplan = "/api/v1/cases/" + caseId + "/veiligheidsplan";

        // The partner is involved (it sees the plan), but the safety contents answer as if there were none.
        assertThat(status(get("/api/v1/cases/" + caseId + "/plan"), TestUsers.partnerGgz())).isEqualTo(200);
        assertProblem(mvc.perform(get(meldcode).with(TestUsers.partnerGgz())).andReturn(), 404);
        assertProblem(mvc.perform(get(veiligheidsplan).with(TestUsers.partnerGgz())).andReturn(), 404);
        JsonNode summary = getJson("/api/v1/cases/" + caseId + "/safety", TestUsers.partnerGgz());
        assertThat(summary.get("veiligheidsplanExists").asBoolean()).isTrue();
        assertThat(summary.size()).as("a boolean, not the contents").isEqualTo(2);
        assertProblem(mvc.perform(get("/api/v1/cases/" + caseId + "/safety").with(TestUsers.frontoffice())).andReturn(), 403);
        assertProblem(mvc.perform(get("/api/v1/cases/" + UUID.randomUUID() + "/meldcode").with(TestUsers.wijkcoach())).andReturn(), 404);
        // A partner not involved learns nothing at all.
        assertProblem(mvc.perform(get("/api/v1/cases/" + caseId + "/safety").with(TestUsers.partnerSchuldhulp())).andReturn(), 404);

        for (RequestPostProcessor user : List.of(TestUsers.frontoffice(), TestUsers.manager(), TestUsers.inwoner(Bsns.random()),
                TestUsers.procesregisseur(), TestUsers.toegang())) {
            assertProblem(mvc.perform(get(meldcode).with(user)).andReturn(), 403);
            assertProblem(mvc.perform(get(veiligheidsplan).with(user)).andReturn(), 403);
        }
        assertProblem(send(put(meldcode + "/steps/SIGNALEN"), TestUsers.partnerGgz(), stepBody("Partner")), 403);
        // Another team: out of scope, until it breaks the glass (and that look is flagged).
        assertProblem(mvc.perform(get(meldcode).with(TestUsers.wijkcoach2())).andReturn(), 404);
        MvcResult grant = send(post("/api/v1/break-glass"), TestUsers.wijkcoach2(), Map.of("caseId", caseId.toString(),
                "reason", "Crisisdienst belt 's nachts: kind niet veilig, eigen team niet bereikbaar."));
        assertThat(grant.getResponse().getStatus()).as(grant.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(getJson(meldcode, TestUsers.wijkcoach2()).get("decision").asText()).isEqualTo("MELDEN");
        assertThat(jdbc.queryForObject("select count(*) from access_log where case_id = ? and username = 'wijkcoach2' "
                + "and data_category = 'SAFETY' and break_glass", Integer.class, caseId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from access_log where case_id = ? and username = 'wijkcoach' "
                + "and data_category = 'SAFETY' and outcome = 'GRANTED'", Integer.class, caseId)).isPositive();
    }

    @Test
    void theVeiligheidsplanIsVersionedAndAgreedWithTheHouseholdAndItsNetwork() throws Exception {
        UUID caseId = caseAtVeiligheid();
        String url = "/api/v1/cases/" + caseId + "/veiligheidsplan";
        String memberId = memberOf(caseId);
        Map<String, Integer> before = rowCounts();
        assertProblem(send(post(url), TestUsers.wijkcoach(), Map.of("voorwaarden", List.of(voorwaarde(UUID.randomUUID().toString())))),
                400, "voorwaarden[0].memberId");
        assertProblem(send(post(url), TestUsers.wijkcoach(), Map.of("voorwaarden", List.of())), 400, "voorwaarden");
        assertProblem(send(post(url), TestUsers.wijkcoach(), Map.of("voorwaarden", List.of(Map.of("memberId", memberId)))),
                400, "voorwaarden[0].condition", "voorwaarden[0].howChecked", "voorwaarden[0].checkedBy");
        assertThat(rowCounts()).isEqualTo(before);
        assertProblem(mvc.perform(get(url).with(TestUsers.wijkcoach())).andReturn(), 404);

        JsonNode v1 = createVeiligheidsplan(caseId);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("voorwaarden").get(0).get("setBy").asText()).isEqualTo("TEAM");
        assertProblem(send(post(url), TestUsers.wijkcoach(), Map.of("voorwaarden", List.of(voorwaarde(memberId)))), 409);

        assertProblem(send(post(url + "/agreement"), TestUsers.wijkcoach(), agreement(1, "NETWERK")), 400, "agreedBy");
        MvcResult agreed = send(post(url + "/agreement"), TestUsers.wijkcoach(), agreement(1, "HUISHOUDEN"));
        assertThat(agreed.getResponse().getStatus()).as(agreed.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(read(agreed).get("version").asInt()).isEqualTo(2);
        assertThat(read(agreed).get("agreement").get("agreedBy").findValuesAsText("kind")).containsExactly("HUISHOUDEN", "NETWERK");
        assertThat(jdbc.queryForObject("""
                select jsonb_typeof(v.content #> '{agreement,agreedAt}') || ' ' || (v.content #>> '{agreement,agreedAt}')
                from veiligheidsplan_version v join veiligheidsplan p on p.id = v.plan_id where p.case_id = ? and v.number = 2""",
                String.class, caseId)).as("dates inside jsonb are ISO strings").matches("string \\d{4}-\\d{2}-\\d{2}T.*Z");

        Map<String, Object> change = new LinkedHashMap<>();
        change.put("basedOnVersion", 1);
        change.put("voorwaarden", List.of(voorwaarde(memberId), voorwaarde(memberId)));
        MvcResult stale = send(put(url), TestUsers.wijkcoach(), change);
        assertProblem(stale, 409);
        assertThat(read(stale).get("currentVersion").asInt()).isEqualTo(2);
        change.put("basedOnVersion", 2);
        MvcResult changed = send(put(url), TestUsers.wijkcoach(), change);
        assertThat(changed.getResponse().getStatus()).as(changed.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(read(changed).get("version").asInt()).isEqualTo(3);
        assertThat(read(changed).path("agreement").isNull() || read(changed).path("agreement").isMissingNode())
                .as("a content change needs agreement again").isTrue();

        JsonNode versions = getJson(url + "/versions", TestUsers.wijkcoach());
        assertThat(versions.findValuesAsText("agreed")).containsExactly("false", "true", "false");
        assertThat(getJson(url + "/versions/1", TestUsers.wijkcoach()).get("voorwaarden").size()).isEqualTo(1);
        assertProblem(mvc.perform(get(url + "/versions/0").with(TestUsers.wijkcoach())).andReturn(), 400, "number");
        assertProblem(mvc.perform(get(url + "/versions/9").with(TestUsers.wijkcoach())).andReturn(), 404);
        assertThat(getJson(url, TestUsers.wijkcoach()).get("voorwaarden").size()).isEqualTo(2);
    }

    @Test
    void whenVeiligThuisHandsTheCaseBackItsVoorwaardenJoinTheVeiligheidsplanAndTheRouteGoesToThePlan() throws Exception {
        UUID caseId = caseAtVeiligheid();
        String handBack = "/api/v1/cases/" + caseId + "/veilig-thuis/return";
        Map<String, Object> body = Map.of("voorwaarden", List.of(voorwaarde(memberOf(caseId))),
                "note", "Onderzoek afgerond; gezin accepteert hulp van het wijkteam.");
        assertProblem(send(post(handBack), TestUsers.wijkcoach(), body), 409);
        meldcodeUpToDecision(caseId, "MELDEN");
        createVeiligheidsplan(caseId);
        step(caseId, "veiligheid", TestUsers.wijkcoach(), outcome("SPECIALIST_TOOK_OVER", "Melding gedaan; Veilig Thuis onderzoekt."));
        assertThat(stageOf(caseId)).as("the case stays in safety while Veilig Thuis has it").isEqualTo("VEILIGHEID");
        openTask(caseId, "veiligThuisAanZet");
        assertProblem(send(post(handBack), TestUsers.wijkcoach(), Map.of("voorwaarden", List.of())), 400, "note", "voorwaarden");
        assertProblem(send(post(handBack), TestUsers.partnerGgz(), body), 403);
        // The change note is "Veilig Thuis draagt terug: " + note in a varchar(2000): a longer note is bad input, not a race.
        String longNote = "Onderzoek afgerond. ".repeat(100);
        assertProblem(send(post(handBack), TestUsers.wijkcoach(), Map.of("voorwaarden", List.of(voorwaarde(memberOf(caseId))),
                "note", longNote.substring(0, 1974))), 400, "note");
        body = Map.of("voorwaarden", List.of(voorwaarde(memberOf(caseId))), "note", longNote.substring(0, 1973));

        MvcResult returned = send(post(handBack), TestUsers.wijkcoach(), body);

        assertThat(returned.getResponse().getStatus()).as(returned.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode plan = read(returned);
        assertThat(plan.get("version").asInt()).isEqualTo(2);
        assertThat(plan.get("voorwaarden").findValuesAsText("setBy")).containsExactly("TEAM", "VEILIG_THUIS");
        assertThat(stageOf(caseId)).isEqualTo("PLAN");
        openTask(caseId, "plan");
        JsonNode history = getJson("/api/v1/cases/" + caseId + "/history", TestUsers.wijkcoach());
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("from").asText()).isEqualTo("VEILIGHEID");
        assertThat(last.get("reason").asText()).isEqualTo("Veilig Thuis draagt terug");
        assertProblem(send(post(handBack), TestUsers.wijkcoach(), body), 409);
    }

    @Test
    void whenVeiligThuisKeepsTheCaseTheTeamClosesTheWaitWithAReasonAndNazorgFollows() throws Exception {
        UUID caseId = caseAtVeiligheid();
        meldcodeUpToDecision(caseId, "MELDEN");
        step(caseId, "veiligheid", TestUsers.wijkcoach(), outcome("SPECIALIST_TOOK_OVER", "Melding gedaan."));
        String taskId = openTask(caseId, "veiligThuisAanZet");
        claim(taskId, TestUsers.wijkcoach());
        assertProblem(complete(taskId, TestUsers.wijkcoach(), Map.of("step", "veiligThuisAanZet", "outcome", "VT_KEEPS_CASE")),
                400, "reason");

        step(caseId, "veiligThuisAanZet", TestUsers.wijkcoach(), outcome("VT_KEEPS_CASE", "Veilig Thuis draagt over aan jeugdbescherming."));

        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("status").asText()).isEqualTo("NAZORG");
    }

    @Test
    void rolesThatMayNotReadSafetySeeNoneOfItInTheRouteWhileTheTeamSeesAll() throws Exception {
        UUID caseId = caseAtVeiligheid();
        meldcodeUpToDecision(caseId, "MELDEN");
        createVeiligheidsplan(caseId);
        planWithGgzAction(caseId);
        MvcResult requested = send(post("/api/v1/cases/" + caseId + "/toegang"), TestUsers.wijkcoach(), Map.of("law", "WMO",
                "provision", "Begeleiding", "receivedOn", LocalDate.now(MunicipalTime.ZONE).toString()));
        assertThat(requested.getResponse().getStatus()).as(requested.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult raised = send(post("/api/v1/cases/" + caseId + "/escalations"), TestUsers.wijkcoach(), Map.of(
                "cause", "FINANCING_CONFLICT", "description", "Gemeente en zorgverzekeraar wijzen naar elkaar."));
        assertThat(raised.getResponse().getStatus()).as(raised.getResponse().getContentAsString()).isEqualTo(201);
        step(caseId, "veiligheid", TestUsers.wijkcoach(), outcome("SPECIALIST_TOOK_OVER", "Melding gedaan; Veilig Thuis onderzoekt."));
        List<RequestPostProcessor> withoutSafety = List.of(TestUsers.toegang(), TestUsers.procesregisseur());

        // While Veilig Thuis has the case.
        JsonNode teamFile = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach());
        assertThat(teamFile.get("currentStage").asText()).isEqualTo("VEILIGHEID");
        assertThat(teamFile.get("openTasks").findValuesAsText("taskKey")).contains("veiligThuisAanZet");
        for (RequestPostProcessor user : withoutSafety) {
            JsonNode file = getJson("/api/v1/cases/" + caseId, user);
            assertThat(file.get("currentStage").asText()).isEqualTo("ONDERSTEUNING");
            assertThat(file.get("openTasks").findValuesAsText("taskKey")).doesNotContain("veiligThuisAanZet", "veiligheid");
            assertThat(file.get("openTasks").findValuesAsText("caseStage")).doesNotContain("VEILIGHEID");
            JsonNode listed = allItems("/api/v1/cases", user);
            assertThat(listed.findValuesAsText("id")).contains(caseId.toString());
            assertThat(listed.findValuesAsText("currentStage")).doesNotContain("VEILIGHEID");
            assertProblem(mvc.perform(get("/api/v1/cases?stage=VEILIGHEID").with(user)).andReturn(), 400, "stage");
        }
        assertThat(allItems("/api/v1/cases?stage=VEILIGHEID", TestUsers.wijkcoach()).findValuesAsText("id")).contains(caseId.toString());

        // Veilig Thuis hands back, then a new safety signal gives the team its safety task.
        MvcResult returned = send(post("/api/v1/cases/" + caseId + "/veilig-thuis/return"), TestUsers.wijkcoach(), Map.of(
                "voorwaarden", List.of(voorwaarde(memberOf(caseId))), "note", "Onderzoek afgerond."));
        assertThat(returned.getResponse().getStatus()).as(returned.getResponse().getContentAsString()).isEqualTo(200);
        Map<String, Object> safetySignal = new LinkedHashMap<>(Map.of("householdId", teamFile.get("household").get("id").asText(),
                "sourceType", "FRONTOFFICE", "description", "Buurvrouw belt: geschreeuw.", "urgency", "NORMAL",
                "safetyConcern", true));
        MvcResult signalled = postSignal(safetySignal, TestUsers.frontoffice(), UUID.randomUUID().toString());
        assertThat(signalled.getResponse().getStatus()).as(signalled.getResponse().getContentAsString()).isEqualTo(201);

        JsonNode teamHistory = getJson("/api/v1/cases/" + caseId + "/history", TestUsers.wijkcoach());
        assertThat(teamHistory.findValuesAsText("to")).contains("VEILIGHEID");
        assertThat(teamHistory.findValuesAsText("reason")).contains("Veilig Thuis draagt terug");
        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("openTasks").findValuesAsText("taskKey"))
                .contains("veiligheidNieuwSignaal", "plan");
        for (RequestPostProcessor user : List.of(TestUsers.partnerGgz(), TestUsers.toegang(), TestUsers.procesregisseur())) {
            JsonNode history = getJson("/api/v1/cases/" + caseId + "/history", user);
            assertThat(history.size()).as("the moves keep their place").isEqualTo(teamHistory.size());
            assertThat(history.findValuesAsText("from")).doesNotContain("VEILIGHEID");
            assertThat(history.findValuesAsText("to")).doesNotContain("VEILIGHEID").contains("ONDERSTEUNING", "PLAN");
            for (JsonNode move : history) {
                if ("ONDERSTEUNING".equals(move.path("from").asText()) || "ONDERSTEUNING".equals(move.path("to").asText())) {
                    assertThat(move.hasNonNull("reason")).as(move.toString()).isFalse();
                }
            }
            assertThat(history.toString()).doesNotContain("Veilig Thuis", "Melding gedaan");
        }
        for (RequestPostProcessor user : withoutSafety) {
            JsonNode file = getJson("/api/v1/cases/" + caseId, user);
            assertThat(file.get("openTasks").findValuesAsText("taskKey")).contains("plan").doesNotContain("veiligheidNieuwSignaal");
            assertThat(file.get("openTasks").toString()).doesNotContain("Veilig");
        }
    }

    private UUID caseAtVeiligheid() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("SAFETY_FIRST", "MULTIPLE", true, null));
        return caseId;
    }

    private void meldcodeUpToDecision(UUID caseId, String decision) throws Exception {
        recordOk(caseId, "SIGNALEN", stepBody("Buren horen geschreeuw; kind met blauwe plekken op school."));
        recordOk(caseId, "CONSULTATIE", stepBody("Overlegd met aandachtsfunctionaris en advies van Veilig Thuis."));
        recordOk(caseId, "GESPREK", stepBody("Gesprek met moeder; vader weigerde."));
        recordOk(caseId, "AFWEGING", afweging(true, true, null, null, null));
        recordOk(caseId, "BESLISSEN", decision(decision, null));
    }

    private JsonNode createVeiligheidsplan(UUID caseId) throws Exception {
        MvcResult created = send(post("/api/v1/cases/" + caseId + "/veiligheidsplan"), TestUsers.wijkcoach(),
                Map.of("voorwaarden", List.of(voorwaarde(memberOf(caseId))), "changeNote", "Eerste afspraken"));
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        return read(created);
    }

    private void planWithGgzAction(UUID caseId) throws Exception {
        MvcResult created = send(post("/api/v1/cases/" + caseId + "/plan"), TestUsers.wijkcoach(), Map.of("goals", List.of(Map.of(
                "leefgebied", "GEESTELIJKE_GEZONDHEID", "description", "Rust in huis", "result", "Behandeling loopt",
                "targetDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(3).toString(),
                "actions", List.of(Map.of("description", "Behandeling", "ownerType", "PARTNER", "organisationId", "ggz-breburg",
                        "status", "PLANNED"))))));
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
    }

    private void recordOk(UUID caseId, String step, Map<String, Object> body) throws Exception {
        MvcResult result = recordStep(caseId, step, body);
        assertThat(result.getResponse().getStatus()).as(step + ": " + result.getResponse().getContentAsString()).isEqualTo(200);
    }

    private MvcResult recordStep(UUID caseId, String step, Map<String, Object> body) throws Exception {
        return send(put("/api/v1/cases/" + caseId + "/meldcode/steps/" + step), TestUsers.wijkcoach(), body);
    }

    private static Map<String, Object> stepBody(String summary) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doneOn", LocalDate.now(MunicipalTime.ZONE).toString());
        body.put("doneBy", "Wijkcoach Noord");
        body.put("summary", summary);
        return body;
    }

    private static Map<String, Object> afweging(Boolean suspicion, Boolean acute, Boolean canHelp, Boolean accepted, Boolean safe) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("suspicion", suspicion);
        answers.put("acuteOrStructuralUnsafety", acute);
        answers.put("canOfferEffectiveHelp", canHelp);
        answers.put("helpAccepted", accepted);
        answers.put("helpLeadsToSafety", safe);
        Map<String, Object> body = stepBody("Gewogen met het afwegingskader.");
        body.put("afweging", answers);
        return body;
    }

    private static Map<String, Object> decision(String decision, String reason) {
        Map<String, Object> body = stepBody("Besloten in het teamoverleg.");
        body.put("decision", decision);
        if (reason != null) {
            body.put("decisionReason", reason);
        }
        return body;
    }

    private static Map<String, Object> voorwaarde(String memberId) {
        return Map.of("memberId", memberId, "condition", "Er wordt in huis niet geslagen.",
                "howChecked", "Wekelijks huisbezoek en contact met school.", "checkedBy", "Wijkcoach Noord");
    }

    private static Map<String, Object> agreement(int basedOn, String firstKind) {
        return Map.of("basedOnVersion", basedOn, "agreedAt", Instant.now().minusSeconds(60).toString(),
                "agreedBy", List.of(Map.of("name", "Anna de Vries", "kind", firstKind), Map.of("name", "Oma Jansen", "kind", "NETWERK")));
    }

    private String memberOf(UUID caseId) throws Exception {
        return getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("household").get("members").get(0).get("id").asText();
    }

    private String stageOf(UUID caseId) throws Exception {
        return getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("currentStage").asText();
    }

    private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                       RequestPostProcessor user) throws Exception {
        return mvc.perform(request.with(user)).andReturn().getResponse().getStatus();
    }
}
