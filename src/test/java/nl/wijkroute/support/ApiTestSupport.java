package nl.wijkroute.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The whole application on embedded PostgreSQL, called over MockMvc with realm-shaped tokens. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class ApiTestSupport {

    /** Tables an API call may write to; "nothing changed" means all these counts stayed the same. */
    private static final List<String> TABLES = List.of("household", "household_member", "support_case", "signal",
            "signal_leefgebied", "triage_assessment", "triage_leefgebied", "leefgebied_assessment", "leefgebied_score_cell", "dashboard_stay_duration_day", "real_question", "organisation", "plan", "plan_version", "regie_assignment", "handover", "stagnation_signal", "toegang_request", "legal_deadline", "deadline_suspension", "escalation", "doorbraak_action", "step_history", "idempotency_record", "break_glass_access", "erasure_request", "act_ru_task",
            "act_ru_execution", "act_ru_variable");

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ObjectMapper json;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class)));
        return counts;
    }

    /** A household the system has not seen, in the given wijk, with a unique name per call. */
    protected static Map<String, Object> newHousehold(String wijk, Map<String, Object>... members) {
        String name = "Huishouden " + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> memberList = members.length == 0
                ? List.of(member("Anna", "de Vries", "1985-03-12", null))
                : List.of(members);
        return Map.of("displayName", name, "wijk", wijk, "postcode", "4901 AB", "members", memberList);
    }

    protected static Map<String, Object> member(String givenName, String familyName, String birthDate, String bsn) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("givenName", givenName);
        member.put("familyName", familyName);
        member.put("birthDate", birthDate);
        if (bsn != null) {
            member.put("bsn", bsn);
        }
        return member;
    }

    protected static Map<String, Object> signal(Map<String, Object> household) {
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("household", household);
        signal.put("sourceType", "FRONTOFFICE");
        signal.put("description", "Inwoner meldt zich bij het loket met vragen over schulden en werk.");
        signal.put("leefgebieden", List.of("FINANCIEN", "WERK_EN_OPLEIDING"));
        signal.put("urgency", "NORMAL");
        signal.put("safetyConcern", false);
        return signal;
    }

    protected MvcResult postSignal(Object body, RequestPostProcessor user, String key) throws Exception {
        return mvc.perform(post("/api/v1/signals").with(user).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn();
    }

    /** Registers a signal for a new household in wijk noord (team-noord) and returns the case id. */
    protected UUID openCaseInNoord() throws Exception {
        MvcResult result = postSignal(signal(newHousehold("noord")), TestUsers.frontoffice(), UUID.randomUUID().toString());
        if (result.getResponse().getStatus() != 201) {
            throw new AssertionError("signal not registered: " + result.getResponse().getContentAsString());
        }
        return UUID.fromString(read(result).get("caseId").asText());
    }

    /** A problem+json answer with this status, naming exactly these fields (when given). */
    protected void assertProblem(MvcResult result, int status, String... fields) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = read(result);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (fields.length > 0) {
            assertThat(problem.get("errors")).extracting(error -> error.get("field").asText())
                    .containsExactlyInAnyOrder(fields);
        }
    }

    /** A JSON request with a body, as this user; the answer whatever its status. */
    /** Sends the request as the user, with the body as JSON unless it is null. */
    protected MvcResult send(MockHttpServletRequestBuilder request, RequestPostProcessor user, Object body) throws Exception {
        request.with(user);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn();
    }

    protected JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    protected JsonNode getJson(String url, RequestPostProcessor user) throws Exception {
        MvcResult result = mvc.perform(get(url).with(user)).andReturn();
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError(url + " -> " + result.getResponse().getStatus() + " "
                    + result.getResponse().getContentAsString());
        }
        return read(result);
    }

    /**
     * Every item of a paged list, page after page (lists are shared by all tests in this context, so
     * what one test is looking for need not be on the first page).
     */
    protected com.fasterxml.jackson.databind.node.ArrayNode allItems(String url, RequestPostProcessor user) throws Exception {
        com.fasterxml.jackson.databind.node.ArrayNode items = json.createArrayNode();
        String separator = url.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            JsonNode answer = getJson(url + separator + "size=100&page=" + page, user);
            answer.get("items").forEach(items::add);
            // A total counted up to a cap (the werkbak, decision 0067) is a lower bound: a full page may have more after it.
            boolean mayHaveMore = answer.get("totalIsLowerBound").asBoolean()
                    && answer.get("items").size() == answer.get("size").asInt();
            if (page + 1 >= answer.get("totalPages").asInt() && !mayHaveMore) {
                return items;
            }
        }
    }

    /** The id of the open task with this key on the case. */
    protected String openTask(UUID caseId, String taskKey) throws Exception {
        for (JsonNode task : getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("openTasks")) {
            if (task.get("taskKey").asText().equals(taskKey)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError("no open task " + taskKey + " on case " + caseId);
    }

    protected MvcResult claim(String taskId, RequestPostProcessor user) throws Exception {
        return mvc.perform(post("/api/v1/tasks/" + taskId + "/claim").with(user)).andReturn();
    }

    protected MvcResult complete(String taskId, RequestPostProcessor user, Object body) throws Exception {
        return mvc.perform(post("/api/v1/tasks/" + taskId + "/complete").with(user)
                .contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : json.writeValueAsString(body)))
                .andReturn();
    }

    /** Claims the case's open task with this key as the user and completes it with the input. */
    protected void step(UUID caseId, String taskKey, RequestPostProcessor user, Map<String, Object> input) throws Exception {
        String taskId = openTask(caseId, taskKey);
        MvcResult claimed = claim(taskId, user);
        if (claimed.getResponse().getStatus() != 200) {
            throw new AssertionError("claim " + taskKey + ": " + claimed.getResponse().getContentAsString());
        }
        Map<String, Object> body = new LinkedHashMap<>(input);
        body.put("step", taskKey);
        MvcResult completed = complete(taskId, user, body);
        if (completed.getResponse().getStatus() != 204) {
            throw new AssertionError("complete " + taskKey + ": " + completed.getResponse().getContentAsString());
        }
    }

    /**
     * Meldcode steps 4 and 5 as the wijkcoach, so that the veiligheid step may complete: HULP_ORGANISEREN after an
     * afweging where help is possible, accepted and makes everyone safe; MELDEN (or MELDEN_EN_HULP) after acute unsafety.
     */
    protected void recordMeldcodeDecision(UUID caseId, String decision) throws Exception {
        boolean melden = decision.startsWith("MELDEN");
        Map<String, Object> afweging = melden
                ? Map.of("suspicion", true, "acuteOrStructuralUnsafety", true)
                : Map.of("suspicion", true, "acuteOrStructuralUnsafety", false, "canOfferEffectiveHelp", true,
                        "helpAccepted", true, "helpLeadsToSafety", true);
        String today = java.time.LocalDate.now(nl.wijkroute.system.MunicipalTime.ZONE).toString();
        for (Map.Entry<String, Map<String, Object>> meldcodeStep : List.of(
                Map.entry("AFWEGING", Map.<String, Object>of("doneOn", today, "doneBy", "Wijkcoach", "summary", "Gewogen.",
                        "afweging", afweging)),
                Map.entry("BESLISSEN", Map.<String, Object>of("doneOn", today, "doneBy", "Wijkcoach", "summary", "Besloten.",
                        "decision", decision)))) {
            MvcResult recorded = mvc.perform(put("/api/v1/cases/" + caseId + "/meldcode/steps/" + meldcodeStep.getKey())
                    .with(TestUsers.wijkcoach()).contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(meldcodeStep.getValue()))).andReturn();
            if (recorded.getResponse().getStatus() != 200) {
                throw new AssertionError("meldcode " + meldcodeStep.getKey() + ": " + recorded.getResponse().getContentAsString());
            }
        }
    }

    /**
     * Vraagverheldering with the household: every flagged leefgebied assessed (score 2) for the first member,
     * then the rest of the levensbrede grid filled ({@link #fillRestOfGrid}), so the step may go to the plan.
     */
    protected void assessFlaggedLeefgebieden(UUID caseId) throws Exception {
        String memberId = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("household").get("members")
                .get(0).get("id").asText();
        for (JsonNode leefgebied : getJson("/api/v1/cases/" + caseId + "/vraagverheldering", TestUsers.wijkcoach()).get("flagged")) {
            MvcResult result = mvc.perform(put("/api/v1/cases/" + caseId + "/vraagverheldering/" + memberId + "/"
                    + leefgebied.asText()).with(TestUsers.wijkcoach()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"score\": 2, \"ownWords\": \"Het loopt me boven het hoofd.\"}")).andReturn();
            assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        }
        fillRestOfGrid(caseId);
    }

    /** Every still empty cell of the vraagverheldering grid scored 4 (voldoende zelfredzaam), in one request. */
    protected void fillRestOfGrid(UUID caseId) throws Exception {
        List<Map<String, Object>> cells = new java.util.ArrayList<>();
        for (JsonNode cell : getJson("/api/v1/cases/" + caseId + "/vraagverheldering", TestUsers.wijkcoach()).get("missingCells")) {
            cells.add(Map.of("memberId", cell.get("memberId").asText(), "leefgebied", cell.get("leefgebied").asText(),
                    "assessment", Map.of("score", 4)));
        }
        if (cells.isEmpty()) {
            return;
        }
        MvcResult result = mvc.perform(post("/api/v1/cases/" + caseId + "/vraagverheldering/assessments")
                .with(TestUsers.wijkcoach()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("assessments", cells)))).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
    }

    /** A one-goal plan (version 1) for the case, agreed with the household (version 2). Returns the plan view. */
    protected JsonNode agreedPlan(UUID caseId) throws Exception {
        MvcResult created = mvc.perform(post("/api/v1/cases/" + caseId + "/plan").with(TestUsers.wijkcoach())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("goals", List.of(Map.of(
                        "leefgebied", "FINANCIEN", "description", "Grip op geld", "result", "Schulden in een regeling",
                        "targetDate", java.time.LocalDate.now(nl.wijkroute.system.MunicipalTime.ZONE).plusMonths(6).toString(),
                        "actions", List.of(Map.of("description", "Budgetcoach", "ownerType", "HOUSEHOLD", "status", "PLANNED"))))))))
                .andReturn();
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult agreed = mvc.perform(post("/api/v1/cases/" + caseId + "/plan/agreement").with(TestUsers.wijkcoach())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("basedOnVersion", 1,
                        "agreedAt", java.time.Instant.now().minusSeconds(60).toString(), "form", "IN_GESPREK",
                        "agreedBy", "Anna de Vries")))).andReturn();
        assertThat(agreed.getResponse().getStatus()).as(agreed.getResponse().getContentAsString()).isEqualTo(200);
        return read(agreed);
    }

    /**
     * A new case of team-noord carried by wijkcoach through triage, vraagverheldering and an agreed plan
     * into regie (first evaluation in four weeks).
     */
    protected UUID caseInRegie() throws Exception {
        UUID caseId = openCaseInNoord();
        RequestPostProcessor coach = TestUsers.wijkcoach();
        step(caseId, "triage", coach, triage("FULL_ROUTE", "MULTIPLE", false, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", coach, Map.of("outcome", "TO_PLAN", "realQuestion", "Grip op geld."));
        agreedPlan(caseId);
        step(caseId, "plan", coach, Map.of("outcome", "TO_REGIE",
                "firstEvaluationDate", java.time.LocalDate.now(nl.wijkroute.system.MunicipalTime.ZONE).plusWeeks(4).toString()));
        return caseId;
    }

    protected static Map<String, Object> triage(String route, String scope, boolean safety, String reason) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("urgency", "NORMAL");
        input.put("safetyConcern", safety);
        input.put("problemScope", scope);
        input.put("route", route);
        input.put("summary", "Eerste inschatting door het team.");
        if (reason != null) {
            input.put("reason", reason);
        }
        return input;
    }

    protected static Map<String, Object> outcome(String outcome, String reason) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("outcome", outcome);
        if (reason != null) {
            input.put("reason", reason);
        }
        return input;
    }
}
