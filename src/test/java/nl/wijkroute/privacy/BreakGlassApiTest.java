package nl.wijkroute.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.Bsns;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Break-the-glass: out-of-scope access with a stated reason, flagged, time-limited and reviewed. */
class BreakGlassApiTest extends ApiTestSupport {

    private static final String REASON = "Moeder belt in paniek: veiligheid kind, eigen team niet bereikbaar.";

    @Test
    void aWorkerOpensAnotherTeamsCaseWithAReasonAndEveryLookIsFlagged() throws Exception {
        UUID caseId = openCaseInNoord();
        assertProblem(mvc.perform(get("/api/v1/cases/" + caseId).with(TestUsers.wijkcoach2())).andReturn(), 404);

        MvcResult opened = breakGlass(TestUsers.wijkcoach2(), Map.of("caseId", caseId.toString(), "reason", REASON));
        assertThat(opened.getResponse().getStatus()).as(opened.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode grant = read(opened);
        assertThat(grant.get("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(grant.get("expiresAt").asText()).isNotBlank();

        assertThat(mvc.perform(get("/api/v1/cases/" + caseId).with(TestUsers.wijkcoach2())).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from access_log where case_id = ? and username = 'wijkcoach2' "
                + "and outcome = 'GRANTED' and break_glass", Integer.class, caseId)).isEqualTo(2);
        long beforeList = jdbc.queryForObject("select coalesce(max(id), 0) from access_log", Long.class);
        assertThat(getJson("/api/v1/cases?size=100", TestUsers.wijkcoach2()).get("items").findValuesAsText("id"))
                .as("the grant also shows the case in the worker's list").contains(caseId.toString());
        assertThat(jdbc.queryForObject("select count(*) from access_log where id > ? and username = 'wijkcoach2' and break_glass "
                + "and (case_id = ? or case_ids @> array[?::uuid])", Integer.class, beforeList, caseId, caseId))
                .as("seeing the case in a list through the grant is a flagged look too").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from access_log where id > ? and username = 'wijkcoach2' and not break_glass "
                + "and (case_id = ? or case_ids @> array[?::uuid])", Integer.class, beforeList, caseId, caseId)).isZero();

        // The privacy officer sees it to review, with the number of looks under it, and records a verdict.
        JsonNode toReview = allItems("/api/v1/break-glass", TestUsers.privacyOfficer());
        JsonNode listed = find(toReview, grant.get("id").asText());
        assertThat(listed.get("reason").asText()).isEqualTo(REASON);
        assertThat(listed.get("username").asText()).isEqualTo("wijkcoach2");
        assertThat(listed.get("accesses").asLong()).as("the grant, the case file and the list").isEqualTo(3);
        String reviewUrl = "/api/v1/break-glass/" + grant.get("id").asText() + "/review";
        assertProblem(send(reviewUrl, TestUsers.privacyOfficer(), Map.of("verdict", "UNJUSTIFIED")), 400, "note");
        MvcResult reviewed = send(reviewUrl, TestUsers.privacyOfficer(), Map.of("verdict", "JUSTIFIED", "note", "Terecht."));
        assertThat(reviewed.getResponse().getStatus()).isEqualTo(200);
        assertThat(read(reviewed).get("reviewedBy").asText()).isEqualTo("privacy");
        assertProblem(send(reviewUrl, TestUsers.privacyOfficer(), Map.of("verdict", "JUSTIFIED")), 409);
        assertThat(allItems("/api/v1/break-glass", TestUsers.privacyOfficer()).findValuesAsText("id"))
                .doesNotContain(grant.get("id").asText());
    }

    @Test
    void aProcesregisseurStatesAReasonForACaseThatIsNotEscalatedAndCanFindItByBsn() throws Exception {
        String bsn = Bsns.random();
        UUID caseId = UUID.fromString(read(postSignal(signal(newHousehold("noord", member("Sam", "Smit", "1990-01-01", bsn))),
                TestUsers.frontoffice(), UUID.randomUUID().toString())).get("caseId").asText());
        assertProblem(mvc.perform(get("/api/v1/cases/" + caseId).with(TestUsers.procesregisseur())).andReturn(), 404);

        MvcResult opened = breakGlass(TestUsers.procesregisseur(), Map.of("bsn", bsn, "reason", "Doorbraakoverleg gemeente vraagt om meekijken."));
        assertThat(opened.getResponse().getStatus()).as(opened.getResponse().getContentAsString()).isEqualTo(202);
        assertThat(read(opened).has("caseId")).as("the answer does not tell which case, or whether there is one").isFalse();
        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.procesregisseur()).get("id").asText()).isEqualTo(caseId.toString());
    }

    @Test
    void aBsnGetsTheSameAnswerWhetherItIsKnownOrNotAndEveryAttemptIsLogged() throws Exception {
        String knownBsn = Bsns.random();
        UUID caseId = UUID.fromString(read(postSignal(signal(newHousehold("noord", member("Lotte", "Bakker", "1988-02-02", knownBsn))),
                TestUsers.frontoffice(), UUID.randomUUID().toString())).get("caseId").asText());
        String unknownBsn = Bsns.random();
        assertThat(jdbc.queryForObject("select count(*) from household_member where bsn = ?", Integer.class, unknownBsn)).isZero();
        String flagged = "select count(*) from access_log where username = 'wijkcoach2' and break_glass";

        int before = jdbc.queryForObject(flagged, Integer.class);
        MvcResult known = breakGlass(TestUsers.wijkcoach2(), Map.of("bsn", knownBsn, "reason", REASON));
        int afterKnown = jdbc.queryForObject(flagged, Integer.class);
        String unknownReason = "Buurman belt over een kind alleen thuis, BSN van school gekregen.";
        MvcResult unknown = breakGlass(TestUsers.wijkcoach2(), Map.of("bsn", unknownBsn, "reason", unknownReason));
        int afterUnknown = jdbc.queryForObject(flagged, Integer.class);

        assertThat(unknown.getResponse().getStatus()).as(unknown.getResponse().getContentAsString())
                .isEqualTo(known.getResponse().getStatus()).isEqualTo(202);
        JsonNode knownBody = read(known);
        JsonNode unknownBody = read(unknown);
        assertThat(fieldNames(unknownBody)).isEqualTo(fieldNames(knownBody)).doesNotContain("caseId");
        assertThat(unknownBody.get("message").asText()).isEqualTo(knownBody.get("message").asText());
        assertThat(known.getResponse().getHeader("Location")).isEqualTo(unknown.getResponse().getHeader("Location"));
        assertThat(known.getResponse().getContentAsString()).doesNotContain(caseId.toString()).doesNotContain(knownBsn);

        assertThat(afterKnown).as("the known BSN's grant is logged").isGreaterThan(before);
        assertThat(afterUnknown).as("the unknown BSN's attempt is logged too").isGreaterThan(afterKnown);
        assertThat(jdbc.queryForObject("select count(*) from access_log where username = 'wijkcoach2' and break_glass "
                + "and household_id is null and case_id is null and outcome = 'DENIED'", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from access_log where purpose like ? or purpose like ?", Integer.class,
                "%" + knownBsn + "%", "%" + unknownBsn + "%")).as("no BSN in the log").isZero();

        // The known household opens for the worker; the privacy officer reviews both attempts.
        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach2()).get("id").asText()).isEqualTo(caseId.toString());
        JsonNode toReview = allItems("/api/v1/break-glass", TestUsers.privacyOfficer());
        assertThat(find(toReview, knownBody.get("id").asText()).get("caseId").asText()).isEqualTo(caseId.toString());
        JsonNode attempt = find(toReview, unknownBody.get("id").asText());
        assertThat(attempt.path("caseId").asText(null)).as("an attempt that found no household names no case").isNull();
        assertThat(attempt.get("reason").asText()).isEqualTo(unknownReason);
        assertThat(attempt.get("accesses").asLong()).isZero();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void anExpiredGrantOpensNothing() throws Exception {
        UUID caseId = openCaseInNoord();
        String grantId = read(breakGlass(TestUsers.wijkcoach2(), Map.of("caseId", caseId.toString(), "reason", REASON)))
                .get("id").asText();
        jdbc.update("update break_glass_access set expires_at = now() - interval '1 minute' where id = ?::uuid", grantId);
        assertProblem(mvc.perform(get("/api/v1/cases/" + caseId).with(TestUsers.wijkcoach2())).andReturn(), 404);
    }

    @Test
    void badRequestsAreNamedAndOthersMayNotBreakTheGlass() throws Exception {
        UUID caseId = openCaseInNoord();
        Map<String, Integer> before = rowCounts();
        int grants = jdbc.queryForObject("select count(*) from break_glass_access", Integer.class);
        assertProblem(breakGlass(TestUsers.wijkcoach2(), Map.of("caseId", caseId.toString())), 400, "reason");
        assertProblem(breakGlass(TestUsers.wijkcoach2(), Map.of("caseId", caseId.toString(), "reason", "nodig")), 400, "reason");
        assertProblem(breakGlass(TestUsers.wijkcoach2(), Map.of("reason", REASON)), 400, "caseId");
        assertProblem(breakGlass(TestUsers.wijkcoach2(), Map.of("bsn", "123456789", "reason", REASON)), 400, "bsn");
        assertProblem(breakGlass(TestUsers.wijkcoach2(), Map.of("caseId", caseId.toString(), "bsn", Bsns.random(),
                "reason", REASON)), 400, "caseId");
        assertProblem(breakGlass(TestUsers.wijkcoach2(), Map.of("caseId", UUID.randomUUID().toString(), "reason", REASON)), 404, "caseId");
        assertProblem(breakGlass(TestUsers.wijkcoach(), Map.of("caseId", caseId.toString(), "reason", REASON)), 409);
        for (RequestPostProcessor user : List.of(TestUsers.frontoffice(), TestUsers.partnerGgz(), TestUsers.toegang(),
                TestUsers.manager(), TestUsers.admin(), TestUsers.privacyOfficer())) {
            assertProblem(breakGlass(user, Map.of("caseId", caseId.toString(), "reason", REASON)), 403);
        }
        for (RequestPostProcessor user : List.of(TestUsers.wijkcoach(), TestUsers.procesregisseur(), TestUsers.manager())) {
            assertProblem(mvc.perform(get("/api/v1/break-glass").with(user)).andReturn(), 403);
        }
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from break_glass_access", Integer.class)).isEqualTo(grants);
    }

    private MvcResult breakGlass(RequestPostProcessor user, Map<String, Object> body) throws Exception {
        return send("/api/v1/break-glass", user, body);
    }

    private MvcResult send(String url, RequestPostProcessor user, Map<String, Object> body) throws Exception {
        return mvc.perform(post(url).with(user).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andReturn();
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("not listed: " + id);
    }
}
