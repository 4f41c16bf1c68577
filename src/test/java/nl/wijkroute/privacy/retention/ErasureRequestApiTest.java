package nl.wijkroute.privacy.retention;

import static nl.wijkroute.privacy.retention.HouseholdFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class ErasureRequestApiTest extends ApiTestSupport {

    private static final String URL = "/api/v1/privacy/erasure-requests";

    @Autowired
    OrganisationService organisations;

    @BeforeEach
    void partners() {
        organisations.ensure(HouseholdFixture.GGZ, "GGZ Retentie", OrganisationType.GGZ);
        organisations.ensure(HouseholdFixture.JEUGDHULP, "Jeugdhulp Retentie", OrganisationType.JEUGDHULP);
    }

    @Test
    void aGrantedRequestErasesAHouseholdWhoseSupportHasEnded() throws Exception {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.now(MunicipalTime.ZONE).minusMonths(8), "WMO", null);
        Map<String, Integer> counted = household.countedRows();

        MvcResult created = send(URL, TestUsers.privacyOfficer(), request(household.householdId, LocalDate.now(MunicipalTime.ZONE).minusDays(3), "LETTER"));
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode request = read(created);
        String id = request.get("id").asText();
        assertThat(created.getResponse().getHeader("Location")).isEqualTo(URL + "/" + id);
        assertThat(request.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(request.get("registeredBy").asText()).isEqualTo("privacy");
        assertThat(request.get("answerDueOn").asText()).isEqualTo(LocalDate.now(MunicipalTime.ZONE).minusDays(3).plusMonths(1).toString());

        MvcResult decided = send(URL + "/" + id + "/decision", TestUsers.privacyOfficer(),
                decision("GRANTED", null, "Geen wettelijke plicht meer om te bewaren.", 0));
        assertThat(decided.getResponse().getStatus()).as(decided.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode result = read(decided);
        assertThat(result.get("status").asText()).isEqualTo("GRANTED");
        assertThat(result.get("erasedScope").asText()).isEqualTo("ALL");
        assertThat(result.get("executedAt").asText()).isNotBlank();
        assertThat(result.get("decidedBy").asText()).isEqualTo("privacy");
        assertThat(result.has("legalException")).isFalse();

        household.rowsAsText().forEach((table, text) -> assertThat(text).as(table).doesNotContain(SECRET).doesNotContain(household.bsn));
        assertThat(household.countedRows()).isEqualTo(counted);
        assertThat(getJson(URL + "/" + id, TestUsers.privacyOfficer()).get("status").asText()).isEqualTo("GRANTED");
        assertThat(jdbc.queryForObject("select count(*) from access_log where household_id = ? and username = 'privacy' "
                + "and action = 'DELETE'", Integer.class, household.householdId)).as("the erasure is in the access log").isEqualTo(1);
    }

    @Test
    void aPartialGrantErasesTheClosedCaseFilesAndKeepsDecisionsAndTheRunningCase() throws Exception {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.now(MunicipalTime.ZONE).minusYears(2), "WMO", null);
        UUID open = household.openCaseNow();
        String id = read(send(URL, TestUsers.privacyOfficer(), request(household.householdId, LocalDate.now(MunicipalTime.ZONE), "EMAIL")))
                .get("id").asText();

        MvcResult decided = send(URL + "/" + id + "/decision", TestUsers.privacyOfficer(), decision("PARTLY_GRANTED",
                "LEGAL_OBLIGATION_OR_PUBLIC_TASK", "De lopende ondersteuning en het Wmo-besluit blijven; de rest is gewist.", 0));

        assertThat(decided.getResponse().getStatus()).as(decided.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(read(decided).get("erasedScope").asText()).isEqualTo("CLOSED_CASE_FILES");
        assertThat(read(decided).get("legalException").asText()).isEqualTo("LEGAL_OBLIGATION_OR_PUBLIC_TASK");
        UUID closed = household.caseId;
        assertThat(text("select string_agg(description, '|') from signal where case_id = ?", closed)).doesNotContain(SECRET);
        assertThat(text("select string_agg(summary, '|') from triage_assessment where case_id = ?", closed)).doesNotContain(SECRET);
        assertThat(text("select string_agg(content::text, '|') from plan_version where plan_id in (select id from plan where case_id = ?)",
                closed)).doesNotContain(SECRET);
        // Kept: the running case, the toegang decision and whom it is about.
        assertThat(text("select string_agg(description, '|') from signal where case_id = ?", open)).contains(SECRET);
        assertThat(text("select string_agg(content::text, '|') from plan_version where plan_id in (select id from plan where case_id = ?)",
                open)).contains(SECRET);
        assertThat(text("select decision_reason from toegang_request where case_id = ?", closed)).contains(SECRET);
        assertThat(household.rowsAsText().get("household_member")).contains(SECRET, household.bsn);
        assertThat(jdbc.queryForObject("select case_file_erased_at is null and personal_data_erased_at is null from household where id = ?",
                Boolean.class, household.householdId)).isTrue();
    }

    @Test
    void aRefusalErasesNothingAndRecordsItsGround() throws Exception {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.now(MunicipalTime.ZONE).minusYears(1), "WMO", null);
        String id = read(send(URL, TestUsers.privacyOfficer(), request(household.householdId, LocalDate.now(MunicipalTime.ZONE), "PHONE")))
                .get("id").asText();
        Map<String, String> before = household.rowsAsText();

        MvcResult decided = send(URL + "/" + id + "/decision", TestUsers.privacyOfficer(),
                decision("REFUSED", "LEGAL_CLAIMS", "Bezwaar tegen het Wmo-besluit loopt nog.", 0));

        assertThat(decided.getResponse().getStatus()).as(decided.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(read(decided).get("status").asText()).isEqualTo("REFUSED");
        assertThat(read(decided).has("erasedScope")).isFalse();
        assertThat(read(decided).has("executedAt")).isFalse();
        assertThat(household.rowsAsText()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from access_log where household_id = ? and action = 'DELETE'",
                Integer.class, household.householdId)).isZero();
    }

    @Test
    void aFullGrantWhileSupportIsInProgressIsAConflict() throws Exception {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.now(MunicipalTime.ZONE).minusYears(3), null, null);
        household.openCaseNow();
        String id = read(send(URL, TestUsers.privacyOfficer(), request(household.householdId, LocalDate.now(MunicipalTime.ZONE), "IN_PERSON")))
                .get("id").asText();
        Map<String, String> before = household.rowsAsText();

        MvcResult refused = send(URL + "/" + id + "/decision", TestUsers.privacyOfficer(),
                decision("GRANTED", null, "Alles wissen.", 0));

        assertProblem(refused, 409);
        assertThat(read(refused).get("detail").asText()).contains("nog ondersteuning", "art. 17 lid 3");
        assertThat(household.rowsAsText()).isEqualTo(before);
        JsonNode request = getJson(URL + "/" + id, TestUsers.privacyOfficer());
        assertThat(request.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(request.get("version").asLong()).isZero();
    }

    @Test
    void aStaleOrRepeatedDecisionIsAConflict() throws Exception {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.now(MunicipalTime.ZONE).minusYears(1), null, null);
        String id = read(send(URL, TestUsers.privacyOfficer(), request(household.householdId, LocalDate.now(MunicipalTime.ZONE), "WEB_FORM")))
                .get("id").asText();

        MvcResult stale = send(URL + "/" + id + "/decision", TestUsers.privacyOfficer(),
                decision("REFUSED", "ARCHIVING_IN_PUBLIC_INTEREST", "Selectielijst: bewaren.", 3));
        assertProblem(stale, 409);
        assertThat(read(stale).get("currentVersion").asLong()).isZero();

        MvcResult first = send(URL + "/" + id + "/decision", TestUsers.privacyOfficer(),
                decision("REFUSED", "ARCHIVING_IN_PUBLIC_INTEREST", "Selectielijst: bewaren.", 0));
        assertThat(first.getResponse().getStatus()).as(first.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(read(first).get("version").asLong()).isEqualTo(1);
        assertProblem(send(URL + "/" + id + "/decision", TestUsers.privacyOfficer(),
                decision("GRANTED", null, "Toch wissen.", 1)), 409);
        assertThat(getJson(URL + "/" + id, TestUsers.privacyOfficer()).get("status").asText()).isEqualTo("REFUSED");
    }

    @Test
    void requestsAreListedNewestFirst() throws Exception {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.now(MunicipalTime.ZONE).minusYears(1), null, null);
        String older = read(send(URL, TestUsers.privacyOfficer(), request(household.householdId, LocalDate.of(2026, 1, 2), "LETTER")))
                .get("id").asText();
        String newer = read(send(URL, TestUsers.privacyOfficer(), request(household.householdId, LocalDate.of(2026, 1, 9), "EMAIL")))
                .get("id").asText();

        List<String> ids = new ArrayList<>();
        allItems(URL, TestUsers.privacyOfficer()).forEach(request -> ids.add(request.get("id").asText()));

        assertThat(ids).containsSubsequence(newer, older);
    }

    @Test
    void badInputNamesTheFieldsAndUnknownIdsAreNotFound() throws Exception {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.now(MunicipalTime.ZONE).minusYears(1), null, null);
        Map<String, Integer> before = rowCounts();
        int requests = jdbc.queryForObject("select count(*) from erasure_request", Integer.class);

        assertProblem(send(URL, TestUsers.privacyOfficer(), Map.of()), 400, "householdId", "receivedOn", "channel");
        assertProblem(send(URL, TestUsers.privacyOfficer(), request(household.householdId, LocalDate.now(MunicipalTime.ZONE).plusDays(2), "EMAIL")),
                400, "receivedOn");
        assertProblem(send(URL, TestUsers.privacyOfficer(), request(household.householdId, LocalDate.now(MunicipalTime.ZONE), "DUIF")), 400, "channel");
        assertProblem(send(URL, TestUsers.privacyOfficer(), request(UUID.randomUUID(), LocalDate.now(MunicipalTime.ZONE), "EMAIL")), 404, "householdId");

        String id = read(send(URL, TestUsers.privacyOfficer(), request(household.householdId, LocalDate.now(MunicipalTime.ZONE), "EMAIL")))
                .get("id").asText();
        String decision = URL + "/" + id + "/decision";
        assertProblem(send(decision, TestUsers.privacyOfficer(), decision("REFUSED", null, " ", 0)), 400, "legalException", "explanation");
        assertProblem(send(decision, TestUsers.privacyOfficer(), decision("PARTLY_GRANTED", null, "Deels.", 0)), 400, "legalException");
        assertProblem(send(decision, TestUsers.privacyOfficer(), decision("GRANTED", "LEGAL_CLAIMS", "Alles.", 0)), 400, "legalException");
        assertProblem(send(decision, TestUsers.privacyOfficer(), decision("REQUESTED", null, "Nog niet.", 0)), 400, "outcome");
        Map<String, Object> withoutVersion = decision("GRANTED", null, "Alles.", 0);
        withoutVersion.remove("expectedVersion");
        assertProblem(send(decision, TestUsers.privacyOfficer(), withoutVersion), 400, "expectedVersion");

        assertProblem(mvc.perform(get(URL + "/" + UUID.randomUUID()).with(TestUsers.privacyOfficer())).andReturn(), 404);
        assertProblem(send(URL + "/" + UUID.randomUUID() + "/decision", TestUsers.privacyOfficer(),
                decision("GRANTED", null, "Alles.", 0)), 404);
        assertProblem(mvc.perform(get(URL + "/niet-een-id").with(TestUsers.privacyOfficer())).andReturn(), 400, "id");

        before.merge("erasure_request", 1, Integer::sum); // the one valid request, nothing else
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from erasure_request", Integer.class)).isEqualTo(requests + 1);
        assertThat(getJson(URL + "/" + id, TestUsers.privacyOfficer()).get("status").asText()).isEqualTo("REQUESTED");
    }

    @Test
    void onlyThePrivacyOfficerHandlesErasureRequests() throws Exception {
        HouseholdFixture household = HouseholdFixture.closedOn(jdbc, LocalDate.now(MunicipalTime.ZONE).minusYears(1), null, null);
        String id = read(send(URL, TestUsers.privacyOfficer(), request(household.householdId, LocalDate.now(MunicipalTime.ZONE), "EMAIL")))
                .get("id").asText();

        for (RequestPostProcessor user : List.of(TestUsers.wijkcoach(), TestUsers.manager(), TestUsers.admin(),
                TestUsers.frontoffice(), TestUsers.inwoner(household.bsn))) {
            assertProblem(send(URL, user, request(household.householdId, LocalDate.now(MunicipalTime.ZONE), "EMAIL")), 403);
            assertProblem(mvc.perform(get(URL).with(user)).andReturn(), 403);
            assertProblem(mvc.perform(get(URL + "/" + id).with(user)).andReturn(), 403);
            assertProblem(send(URL + "/" + id + "/decision", user, decision("GRANTED", null, "Alles.", 0)), 403);
        }
        assertProblem(mvc.perform(get(URL)).andReturn(), 401);
        assertThat(household.rowsAsText().get("household_member")).contains(SECRET);
        assertThat(getJson(URL + "/" + id, TestUsers.privacyOfficer()).get("status").asText()).isEqualTo("REQUESTED");
    }

    private MvcResult send(String url, RequestPostProcessor user, Object body) throws Exception {
        return mvc.perform(post(url).with(user).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andReturn();
    }

    private static Map<String, Object> request(UUID householdId, LocalDate receivedOn, String channel) {
        return Map.of("householdId", householdId.toString(), "receivedOn", receivedOn.toString(), "channel", channel);
    }

    private static Map<String, Object> decision(String outcome, String legalException, String explanation, long expectedVersion) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", outcome);
        if (legalException != null) {
            decision.put("legalException", legalException);
        }
        decision.put("explanation", explanation);
        decision.put("expectedVersion", expectedVersion);
        return decision;
    }

    private String text(String sql, UUID caseId) {
        String text = jdbc.queryForObject(sql, String.class, caseId);
        return text == null ? "" : text;
    }
}
