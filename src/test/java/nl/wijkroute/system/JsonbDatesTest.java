package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.partner.OrganisationType;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 13.1: every instant and date inside every jsonb column is an ISO-8601 string, so that SQL
 * (dashboard, retention) can cast it and a person can read it. Written through the API, read with SQL.
 */
class JsonbDatesTest extends ApiTestSupport {

    /** Every jsonb column and the paths of the dates inside it; a new jsonb column must be added here. */
    private static final Map<String, List<String>> DATES_PER_COLUMN = Map.of(
            "plan_version.content", List.of("$.agreement.agreedAt", "$.goals[*].targetDate"),
            "handover.summary", List.of("$.goals[*].targetDate"),
            "handover.consent", List.of("$.givenAt"),
            "handover.action_ids", List.of(),
            "escalation.doorbraak", List.of("$.casusoverlegAt", "$.payUntil", "$.followUpBefore"),
            // The frozen evidence's period; checked where a session freezes it (ReflectionApiTest).
            "reflection_session.evidence", List.of("$.from", "$.to"),
            "reflection_session.chosen_themes", List.of(),
            "reflection_note.stellingen", List.of(),
            // Checked where a veiligheidsplan is agreed (SafetyApiTest).
            "veiligheidsplan_version.content", List.of("$.agreement.agreedAt"));

    @Autowired
    OrganisationService organisations;

    @BeforeEach
    void partners() {
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
    }

    @Test
    void theTestKnowsEveryJsonbColumn() {
        List<String> columns = jdbc.queryForList("""
                select c.table_name || '.' || c.column_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and c.data_type = 'jsonb' and t.table_type = 'BASE TABLE'
                """, String.class); // the published views (decision 0052) show these columns again: not stored twice
        assertThat(columns).containsExactlyInAnyOrderElementsOf(DATES_PER_COLUMN.keySet());
    }

    @Test
    void everyDateInsideEveryJsonbColumnIsStoredAsAnIsoString() throws Exception {
        UUID caseId = caseInRegieWithHandoverAndDoorbraak();

        assertIsoDates("plan_version.content", "plan_version v join plan p on p.id = v.plan_id where p.case_id = ?", caseId);
        assertIsoDates("handover.summary", "handover where case_id = ?", caseId);
        assertIsoDates("handover.consent", "handover where case_id = ?", caseId);
        assertIsoDates("escalation.doorbraak", "escalation where case_id = ?", caseId);
    }

    /** V20 converts what the old mapper wrote (epoch seconds, [y, m, d] arrays) and leaves ISO strings alone. */
    @Test
    void theMigrationTurnsEpochNumbersAndDateArraysIntoIsoStrings() throws Exception {
        UUID caseId = caseInRegieWithHandoverAndDoorbraak();
        jdbc.update("""
                update escalation set doorbraak = doorbraak || jsonb_build_object('casusoverlegAt', 1796066839.000000000,
                    'payUntil', jsonb_build_array(2027, 3, 1), 'followUpBefore', jsonb_build_array(2026, 12, 7))
                where case_id = ?""", caseId);
        jdbc.update("""
                update handover set consent = consent || jsonb_build_object('givenAt', 1764583200.123456789),
                    summary = jsonb_set(summary, '{goals,0,targetDate}', jsonb_build_array(2027, 6, 1))
                where case_id = ?""", caseId);
        String planWhere = "plan_id = (select id from plan where case_id = '" + caseId + "')";
        jdbc.execute("alter table plan_version disable trigger plan_version_immutable");
        try {
            jdbc.update("update plan_version set content = jsonb_set(jsonb_set(content, '{agreement,agreedAt}', '1764583200'), "
                    + "'{goals,0,targetDate}', '[2027, 6, 1]') where jsonb_typeof(content -> 'agreement') = 'object' and " + planWhere);
        } finally {
            jdbc.execute("alter table plan_version enable trigger plan_version_immutable");
        }

        jdbc.execute(new String(new ClassPathResource("db/migration/V20__iso_dates_in_jsonb.sql").getContentAsByteArray(),
                StandardCharsets.UTF_8));

        Map<String, Object> doorbraak = jdbc.queryForMap("""
                select doorbraak ->> 'casusoverlegAt' as at, doorbraak ->> 'payUntil' as until, doorbraak ->> 'followUpBefore' as before
                from escalation where case_id = ?""", caseId);
        assertThat(Instant.parse((String) doorbraak.get("at"))).isEqualTo(Instant.ofEpochSecond(1796066839));
        assertThat(doorbraak.get("until")).isEqualTo("2027-03-01");
        assertThat(doorbraak.get("before")).isEqualTo("2026-12-07");
        Map<String, Object> handover = jdbc.queryForMap("""
                select consent ->> 'givenAt' as at, summary #>> '{goals,0,targetDate}' as target from handover where case_id = ?""", caseId);
        assertThat(Instant.parse((String) handover.get("at"))).isEqualTo(Instant.ofEpochSecond(1764583200, 123456789));
        assertThat(handover.get("target")).isEqualTo("2027-06-01");
        Map<String, Object> plan = jdbc.queryForMap("select content #>> '{agreement,agreedAt}' as at, content #>> '{goals,0,targetDate}' as target "
                + "from plan_version where " + planWhere + " and jsonb_typeof(content -> 'agreement') = 'object'");
        assertThat(Instant.parse((String) plan.get("at"))).isEqualTo(Instant.ofEpochSecond(1764583200));
        assertThat(plan.get("target")).isEqualTo("2027-06-01");
        assertIsoDates("plan_version.content", "plan_version v join plan p on p.id = v.plan_id where p.case_id = ?", caseId);
        assertIsoDates("escalation.doorbraak", "escalation where case_id = ?", caseId);
        assertThat(getJson("/api/v1/escalations/" + jdbc.queryForObject("select id::text from escalation where case_id = ?",
                String.class, caseId), TestUsers.procesregisseur()).get("doorbraak").get("payUntil").asText())
                .as("the entity reads the migrated document").isEqualTo("2027-03-01");
    }

    /** Each date path of the column, on the rows selected, holds a string that parses as ISO-8601 (and as a PostgreSQL date/time). */
    private void assertIsoDates(String column, String fromWhere, UUID caseId) {
        String name = column.substring(column.indexOf('.') + 1);
        for (String path : DATES_PER_COLUMN.get(column)) {
            List<JsonNode> values = jdbc.query("select jsonb_path_query(" + name + ", cast(? as jsonpath))::text from " + fromWhere,
                    (rs, i) -> {
                        try {
                            return json.readTree(rs.getString(1));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, path, caseId);
            assertThat(values).as(column + " " + path + " is present").isNotEmpty();
            for (JsonNode value : values) {
                assertThat(value.isTextual()).as(column + " " + path + " = " + value + " is a string").isTrue();
                if (path.endsWith("At")) {
                    Instant.parse(value.asText());
                    jdbc.queryForObject("select cast(? as timestamptz)", Object.class, value.asText());
                } else {
                    LocalDate.parse(value.asText());
                    jdbc.queryForObject("select cast(? as date)", Object.class, value.asText());
                }
            }
        }
    }

    /** A case with an agreed plan, a proposed warme overdracht with consent and a doorbraak, all through the API. */
    private UUID caseInRegieWithHandoverAndDoorbraak() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", TestUsers.wijkcoach(), Map.of("outcome", "TO_PLAN", "realQuestion", "Rust in de financiën."));
        agreedPlan(caseId);
        send(post("/api/v1/cases/" + caseId + "/regie/take"), TestUsers.wijkcoach(), null, 200);
        Map<String, Object> consent = new HashMap<>(Map.of("basis", "CONSENT", "givenBy", "Anna de Vries",
                "givenAt", Instant.now().minusSeconds(3600).toString(), "form", "IN_GESPREK", "leefgebieden", List.of("FINANCIEN")));
        send(post("/api/v1/cases/" + caseId + "/handovers"), TestUsers.wijkcoach(), Map.of("scope", "REGIE",
                "receiverOrganisation", "ggz-breburg", "note", "Wil het niet opnieuw vertellen.", "consent", consent), 201);
        String escalation = send(post("/api/v1/cases/" + caseId + "/escalations"), TestUsers.wijkcoach(),
                Map.of("cause", "FINANCING_CONFLICT", "description", "Niemand wil betalen."), 201).get("id").asText();
        send(post("/api/v1/escalations/" + escalation + "/take"), TestUsers.procesregisseur(), Map.of(), 200);
        send(post("/api/v1/escalations/" + escalation + "/doorbraak"), TestUsers.procesregisseur(), Map.of(
                "casusoverlegAt", Instant.now().minusSeconds(600).toString(),
                "participants", List.of("ggz-breburg"),
                "decision", "De gemeente betaalt voorlopig.",
                "payer", "gemeente",
                "payUntil", LocalDate.now(MunicipalTime.ZONE).plusMonths(3).toString(),
                "followUpBefore", LocalDate.now(MunicipalTime.ZONE).plusWeeks(2).toString(),
                "actions", List.of(Map.of("description", "Intake", "organisationId", "ggz-breburg",
                        "dueOn", LocalDate.now(MunicipalTime.ZONE).plusDays(2).toString()))), 200);
        return caseId;
    }

    private JsonNode send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                          RequestPostProcessor user, Object body, int status) throws Exception {
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        MvcResult result = mvc.perform(request.with(user)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return result.getResponse().getContentLength() == 0 && result.getResponse().getContentAsString().isEmpty()
                ? null : read(result);
    }
}
