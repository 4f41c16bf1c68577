package nl.wijkroute.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.Bsns;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class SignalApiTest extends ApiTestSupport {

    @Test
    void signalForNewHouseholdOpensCaseAtTriageForTheTeamAndFrontOffice() throws Exception {
        MvcResult result = postSignal(signal(newHousehold("noord")), TestUsers.frontoffice(), UUID.randomUUID().toString());

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode body = read(result);
        assertThat(body.get("newCase").asBoolean()).isTrue();
        String caseId = body.get("caseId").asText();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/cases/" + caseId);

        JsonNode caseFile = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach());
        assertThat(caseFile.get("status").asText()).isEqualTo("OPEN");
        assertThat(caseFile.get("currentStage").asText()).isEqualTo("TRIAGE");
        assertThat(caseFile.get("team").asText()).isEqualTo("team-noord");
        assertThat(caseFile.get("signals")).hasSize(1);
        assertThat(caseFile.get("openTasks")).extracting(task -> task.get("taskKey").asText()).containsExactly("triage");

        JsonNode history = getJson("/api/v1/cases/" + caseId + "/history", TestUsers.wijkcoach());
        assertThat(history).extracting(step -> step.get("to").asText()).containsExactly("SIGNALEREN", "TRIAGE");
        assertThat(history.get(0).get("actor").asText()).isEqualTo("frontoffice");
        assertThat(history.get(1).get("from").asText()).isEqualTo("SIGNALEREN");
        // The history's trigger keeps the stage stays the dashboard's lead times read (decision 0074 writes the history
        // with plain inserts): signaleren from the opening to the move, triage from the move on, the case's team and wijk.
        List<Map<String, Object>> stays = jdbc.queryForList("select s.stage, s.team_id, s.wijk_id,"
                + " s.entered_at = c.opened_at as entered_at_opening, s.left_at is not null as left"
                + " from stage_stay s join support_case c on c.id = s.case_id where s.case_id = ?::uuid"
                + " order by s.entered_at, s.left_at nulls last", caseId);
        assertThat(stays).extracting(stay -> stay.get("stage")).containsExactly("SIGNALEREN", "TRIAGE");
        assertThat(stays).extracting(stay -> stay.get("team_id")).containsOnly("team-noord");
        assertThat(stays).extracting(stay -> stay.get("wijk_id")).containsOnly("noord");
        assertThat(stays.get(0)).containsEntry("entered_at_opening", true).containsEntry("left", true);
        assertThat(stays.get(1)).containsEntry("left", false);

        assertThat(werkbakCaseIds(TestUsers.wijkcoach())).contains(caseId);
        assertThat(werkbakCaseIds(TestUsers.frontoffice())).contains(caseId);
        assertThat(werkbakCaseIds(TestUsers.wijkcoach2())).doesNotContain(caseId);
    }

    @Test
    void secondSignalForHouseholdWithOpenCaseJoinsThatCase() throws Exception {
        String bsn = Bsns.random();
        var first = read(postSignal(signal(newHousehold("zuid", member("Mo", "El Amrani", "1979-05-01", bsn))),
                TestUsers.frontoffice(), UUID.randomUUID().toString()));

        // Another door, the same person (found by BSN): 1 gezin, 1 plan.
        Map<String, Object> viaPartner = signal(newHousehold("zuid", member("Mo", "El Amrani", "1979-05-01", bsn)));
        viaPartner.put("sourceType", "PARTNER");
        viaPartner.put("sourceOrganisation", "Schuldhulp Stad");
        MvcResult second = postSignal(viaPartner, TestUsers.partnerGgz(), UUID.randomUUID().toString());
        // And by household id.
        Map<String, Object> byId = signal(null);
        byId.remove("household");
        byId.put("householdId", first.get("householdId").asText());
        MvcResult third = postSignal(byId, TestUsers.wijkcoach2(), UUID.randomUUID().toString());

        assertThat(third.getResponse().getStatus()).isEqualTo(201);
        assertThat(read(third).get("caseId").asText()).isEqualTo(first.get("caseId").asText());
        assertThat(read(third).get("newCase").asBoolean()).isFalse();
        // The partner may not read the case: a receipt only, so a BSN never tells whether a household is known.
        assertThat(second.getResponse().getStatus()).isEqualTo(201);
        assertThat(read(second).has("signalId")).isTrue();
        assertThat(read(second).has("receivedAt")).isTrue();
        assertThat(read(second).has("caseId")).isFalse();
        assertThat(read(second).has("householdId")).isFalse();
        assertThat(read(second).has("newCase")).isFalse();
        assertThat(second.getResponse().getContentAsString()).doesNotContain(first.get("caseId").asText())
                .doesNotContain(first.get("householdId").asText());
        assertThat(jdbc.queryForObject("select count(*) from support_case where household_id = ?::uuid", Integer.class,
                first.get("householdId").asText())).isEqualTo(1);
        assertThat(getJson("/api/v1/cases/" + first.get("caseId").asText(), TestUsers.wijkcoach2()).get("signals")).hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_task t join act_ru_execution e on t.proc_inst_id_ = e.id_ "
                + "where e.business_key_ = ?", Integer.class, first.get("caseId").asText())).isEqualTo(1);
    }

    @Test
    void retryWithSameKeyAndBodyReturnsTheSameResultAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = signal(newHousehold("noord"));
        MvcResult first = postSignal(body, TestUsers.frontoffice(), key);
        Map<String, Integer> before = rowCounts();

        MvcResult retry = postSignal(body, TestUsers.frontoffice(), key);

        assertThat(retry.getResponse().getStatus()).isEqualTo(201);
        assertThat(retry.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void sameKeyWithAnotherBodyIsUnprocessableNamingTheHeader() throws Exception {
        String key = UUID.randomUUID().toString();
        postSignal(signal(newHousehold("noord")), TestUsers.frontoffice(), key);
        Map<String, Integer> before = rowCounts();

        MvcResult reused = postSignal(signal(newHousehold("noord")), TestUsers.frontoffice(), key);

        assertProblem(reused, 422, "Idempotency-Key");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void sameKeyFromAnotherClientIsItsOwnRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        MvcResult mine = postSignal(signal(newHousehold("noord")), TestUsers.frontoffice(), key);
        MvcResult theirs = postSignal(signal(newHousehold("zuid")), TestUsers.wijkcoach2(), key);

        assertThat(mine.getResponse().getStatus()).isEqualTo(201);
        assertThat(theirs.getResponse().getStatus()).isEqualTo(201);
        assertThat(read(theirs).get("caseId")).isNotEqualTo(read(mine).get("caseId"));
    }

    @Test
    void missingIdempotencyKeyIsRefused() throws Exception {
        Map<String, Integer> before = rowCounts();
        MvcResult result = mvc.perform(post("/api/v1/signals").with(TestUsers.frontoffice())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(signal(newHousehold("noord")))))
                .andReturn();
        assertProblem(result, 400, "Idempotency-Key");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        assertRefused(body -> {
            body.remove("description");
            body.remove("urgency");
            body.remove("sourceType");
            body.remove("safetyConcern");
        }, "description", "safetyConcern", "sourceType", "urgency");
    }

    @Test
    void oversizedDescriptionIsRefused() throws Exception {
        assertRefused(body -> body.put("description", "x".repeat(4001)), "description");
    }

    @Test
    void unknownEnumValueIsRefused() throws Exception {
        assertRefused(body -> body.put("urgency", "SOMEDAY"), "urgency");
        assertRefused(body -> body.put("leefgebieden", List.of("FINANCIEN", "ASTROLOGIE")), "leefgebieden[1]");
    }

    @Test
    void unknownPropertyIsRefused() throws Exception {
        assertRefused(body -> body.put("priority", "high"), "priority");
    }

    @Test
    void invalidBsnIsRefusedWithoutEchoingIt() throws Exception {
        MvcResult result = assertRefused(body -> body.put("household",
                newHousehold("noord", member("Jolanda", "Bakker", "1970-01-01", "123456789"))), "household.members[0].bsn");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("123456789");
    }

    @Test
    void memberFieldsAreValidated() throws Exception {
        assertRefused(body -> body.put("household", newHousehold("noord",
                member("", "Bakker", "2999-01-01", null))), "household.members[0].birthDate", "household.members[0].givenName");
    }

    @Test
    void unknownWijkIsRefused() throws Exception {
        assertRefused(body -> body.put("household", newHousehold("atlantis")), "household.wijk");
    }

    @Test
    void householdAndHouseholdIdTogetherAreRefused() throws Exception {
        assertRefused(body -> body.put("householdId", UUID.randomUUID().toString()), "household");
        assertRefused(body -> body.remove("household"), "household");
    }

    @Test
    void partnerSignalNeedsItsOrganisation() throws Exception {
        assertRefused(body -> body.put("sourceType", "PARTNER"), "sourceOrganisation");
    }

    @Test
    void unknownHouseholdIdIsNotFound() throws Exception {
        Map<String, Integer> before = rowCounts();
        Map<String, Object> body = signal(null);
        body.remove("household");
        body.put("householdId", UUID.randomUUID().toString());
        MvcResult result = postSignal(body, TestUsers.frontoffice(), UUID.randomUUID().toString());
        assertProblem(result, 404, "householdId");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        Map<String, Integer> before = rowCounts();
        MvcResult result = mvc.perform(post("/api/v1/signals").with(TestUsers.frontoffice())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content("{\"sourceType\": \"PARTNER\", ")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(read(result).get("detail").asText()).contains("JSON");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void rolesWithoutSignalRightsAreForbiddenAndAnonymousIsUnauthorized() throws Exception {
        Map<String, Integer> before = rowCounts();
        for (RequestPostProcessor user : List.of(TestUsers.manager(), TestUsers.admin())) {
            MvcResult result = postSignal(signal(newHousehold("noord")), user, UUID.randomUUID().toString());
            assertThat(result.getResponse().getStatus()).isEqualTo(403);
            assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        MvcResult anonymous = mvc.perform(post("/api/v1/signals").header("Idempotency-Key", "k")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(signal(newHousehold("noord")))))
                .andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);
        assertThat(anonymous.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(rowCounts()).isEqualTo(before);
    }

    private MvcResult assertRefused(Consumer<Map<String, Object>> change, String... fields) throws Exception {
        Map<String, Object> body = new HashMap<>(signal(newHousehold("noord")));
        change.accept(body);
        Map<String, Integer> before = rowCounts();
        MvcResult result = postSignal(body, TestUsers.frontoffice(), UUID.randomUUID().toString());
        assertProblem(result, 400, fields);
        assertThat(rowCounts()).as("nothing written").isEqualTo(before);
        return result;
    }

    private List<String> werkbakCaseIds(RequestPostProcessor user) throws Exception {
        return allItems("/api/v1/tasks", user).findValuesAsText("caseId");
    }
}
