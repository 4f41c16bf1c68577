package nl.wijkroute.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The reflectietool over HTTP: a manager organises, the facilitator runs, participants score; scores are
 * shown only as aggregates and locked once prioritising starts; free text refuses a BSN; who may not, may not.
 */
class ReflectionApiTest extends ApiTestSupport {

    private static final RequestPostProcessor FACILITATOR = TestUsers.wijkcoach();
    private static final RequestPostProcessor P1 = TestUsers.user("refl-p1", List.of("wijkteam"), Map.of("team", "team-noord"));
    private static final RequestPostProcessor P2 = TestUsers.user("refl-p2", List.of("partner"), Map.of("organisation", "ggz-breburg"));
    private static final RequestPostProcessor P3 = TestUsers.user("refl-p3", List.of("toegang"), Map.of("laws", List.of("WMO")));

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void aSessionRunsFromPlannedToClosedAndShowsScoresOnlyAsAggregates() throws Exception {
        JsonNode session = create("TEAM", "team-noord", "DOMPELSESSIE", today().plusDays(7));
        String id = session.get("id").asText();
        assertThat(session.get("status").asText()).isEqualTo("PLANNED");
        assertThat(session.get("facilitatorId").asText()).isEqualTo(TestUsers.sub("wijkcoach"));
        assertThat(codes(session)).contains("TOO_FEW_PARTICIPANTS", "FEW_PERSPECTIVES", "DOMPELSESSIE_WITHOUT_INWONER",
                "DOMPELSESSIE_WITHOUT_BELEID");

        invite(id, "deelnemer", "INWONER", "cliëntenraad");
        invite(id, "refl-p1", "UITVOERING", "wijkcoach");
        invite(id, "refl-p2", "UITVOERING", "ggz-behandelaar");
        JsonNode invited = invite(id, "refl-p3", "UITVOERING", "consulent Wmo");
        assertThat(invited.get("participantCount").asInt()).isEqualTo(4);
        assertThat(codes(invited)).contains("TOO_FEW_PARTICIPANTS", "FEW_PERSPECTIVES", "DOMPELSESSIE_WITHOUT_BELEID")
                .doesNotContain("DOMPELSESSIE_WITHOUT_INWONER");

        // A participant sees the session, not who else takes part, and does not run it.
        JsonNode seen = getJson(url(id, ""), TestUsers.deelnemer());
        assertThat(seen.get("yourPart").asText()).isEqualTo("PARTICIPANT");
        assertThat(seen.get("participants")).isEmpty();
        assertThat(status(post(url(id, "/scoring")), TestUsers.deelnemer(), null)).isEqualTo(403);
        assertThat(status(put(url(id, "/scores")), TestUsers.deelnemer(), scores(5, Map.of()))).as("not open yet").isEqualTo(409);

        assertThat(read(send(post(url(id, "/scoring")), FACILITATOR, null)).get("status").asText()).isEqualTo("SCORING");
        score(id, TestUsers.deelnemer(), 3, 2);
        score(id, P1, 8, 8);
        score(id, P2, 9, 8);
        score(id, P3, 8, 8);
        assertThat(status(get(url(id, "/results")), TestUsers.deelnemer(), null)).as("hidden until scoring closes").isEqualTo(409);
        Map<String, Object> incomplete = new LinkedHashMap<>(scores(5, Map.of()));
        ((Map<?, ?>) incomplete.get("scores")).remove("VAKMANSCHAP");
        assertProblem(send(put(url(id, "/scores")), P1, incomplete), 400, "scores.VAKMANSCHAP");
        assertThat(status(put(url(id, "/scores")), P1, scores(11, Map.of()))).isEqualTo(400);

        JsonNode closed = read(send(post(url(id, "/scoring/close")), FACILITATOR, null));
        assertThat(closed.get("status").asText()).isEqualTo("PRIORITISING");
        assertThat(jdbc.queryForObject("select evidence_frozen_at is not null from reflection_session where id = ?::uuid",
                Boolean.class, id)).as("evidence frozen when scoring closes").isTrue();
        assertThat(jdbc.queryForObject("select (evidence ->> 'from')::date <= (evidence ->> 'to')::date"
                + " and evidence ->> 'from' ~ '^\\d{4}-\\d{2}-\\d{2}$' from reflection_session where id = ?::uuid",
                Boolean.class, id)).as("the frozen period's dates are ISO strings (JsonbDatesTest)").isTrue();
        assertThat(status(put(url(id, "/scores")), P1, scores(1, Map.of()))).as("scores are locked").isEqualTo(409);

        MvcResult resultsCall = send(get(url(id, "/results")), TestUsers.deelnemer(), null);
        JsonNode results = read(resultsCall);
        assertThat(resultsCall.getResponse().getContentAsString()).as("never per person")
                .doesNotContain(TestUsers.sub("refl-p1"), TestUsers.sub("deelnemer"));
        assertThat(results.get("scored").asInt()).isEqualTo(4);
        // Slim geld 2, 8, 8, 8: median 8, mean 6.5; Samenspel 3, 8, 9, 8: median 8, mean 7 -> Samenspel first.
        assertThat(results.get("themes").get(0).get("theme").asText()).isEqualTo("SAMENSPEL");
        assertThat(results.get("themes").get(1).get("theme").asText()).isEqualTo("SLIM_GELD");
        JsonNode samenspel = results.get("themes").get(0);
        assertThat(samenspel.get("n").asInt()).isEqualTo(4);
        assertThat(samenspel.get("median").asDouble()).isEqualTo(8.0);
        assertThat(samenspel.get("mean").asDouble()).isEqualTo(7.0);
        assertThat(samenspel.get("distribution").toString()).isEqualTo("[0,0,1,0,0,0,0,2,1,0]");
        // Three from uitvoering (the test's minimum group size): a median; one inwoner: suppressed.
        assertThat(samenspel.get("perspectives").toString()).contains("{\"perspective\":\"UITVOERING\",\"median\":8.0,\"suppressed\":false}",
                "{\"perspective\":\"INWONER\",\"suppressed\":true}");

        assertThat(read(send(post(url(id, "/priorities")), FACILITATOR, Map.of("themes", List.of("SAMENSPEL", "SLIM_GELD"))))
                .get("status").asText()).isEqualTo("CONVERSATION");
        Map<String, Object> note = new LinkedHashMap<>(Map.of("knelpunten", "Overdrachten blijven liggen tot iemand belt.",
                "stellingen", List.of(Map.of("text", "Samenspel regel je niet met een formulier.", "agree", 7, "disagree", 2)),
                "oplossingsrichtingen", "Vaste koppels wijkteam-GGZ."));
        note.put("casus", "Gezin met BSN 999990019 wachtte zes weken.");
        assertProblem(send(put(url(id, "/notes/SAMENSPEL")), FACILITATOR, note), 400, "casus");
        note.put("casus", "Een gezin wachtte zes weken op een overdracht.");
        assertProblem(send(put(url(id, "/notes/REGELRUIMTE")), FACILITATOR, note), 400, "theme");
        assertThat(send(put(url(id, "/notes/SAMENSPEL")), FACILITATOR, note).getResponse().getStatus()).isEqualTo(200);
        assertThat(read(send(post(url(id, "/conversation/close")), FACILITATOR, null)).get("status").asText()).isEqualTo("ACTIONS");

        Map<String, Object> action = new LinkedHashMap<>(Map.of("theme", "SAMENSPEL", "goal", "Overdracht binnen een week geaccepteerd",
                "tomorrow", "Ik bel de ontvanger zelf op de dag van het voorstel", "needs", "GGZ-coördinator", "owner",
                "teamleider Noord", "policyChangeNeeded", true));
        assertProblem(send(post(url(id, "/actions")), FACILITATOR, action), 400, "policyOwner");
        action.put("policyOwner", "beleidsmedewerker Wmo");
        MvcResult actionCall = send(post(url(id, "/actions")), FACILITATOR, action);
        assertThat(actionCall.getResponse().getStatus()).isEqualTo(201);
        JsonNode agreed = read(actionCall);
        assertThat(agreed.get("evaluationDate").asText()).as("default one month").isEqualTo(today().plusDays(7).plusMonths(1).toString());
        assertThat(read(send(post(url(id, "/close")), FACILITATOR, null)).get("status").asText()).isEqualTo("CLOSED");

        JsonNode report = getJson(url(id, "/report"), TestUsers.manager());
        assertThat(report.get("results").get("themes")).hasSize(9);
        assertThat(report.get("evidence").get("themes")).hasSize(9);
        assertThat(report.get("notes").get(0).get("stellingen").get(0).get("agree").asInt()).isEqualTo(7);
        assertThat(report.get("actions").get(0).get("owner").asText()).isEqualTo("teamleider Noord");
        MvcResult csv = send(get(url(id, "/report/csv")), TestUsers.manager(), null);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getContentAsString()).contains("onderdeel,thema,sleutel,waarde", "score,Samenspel,mediaan,8.0",
                "actie,Samenspel,eigenaar,teamleider Noord");

        String actionId = agreed.get("id").asText();
        Map<String, Object> evaluation = Map.of("evaluation", "Vier van de vijf overdrachten binnen een week.");
        assertThat(read(send(post("/api/v1/reflection/actions/" + actionId + "/evaluation"), TestUsers.manager(), evaluation))
                .get("status").asText()).isEqualTo("EVALUATED");
        assertThat(status(post("/api/v1/reflection/actions/" + actionId + "/evaluation"), TestUsers.manager(), evaluation))
                .isEqualTo(409);
    }

    @Test
    void theTimerClosesScoringRemindersCountAndOpenActionsCarryIntoTheNextSessionOfTheScope() throws Exception {
        String first = create("WIJK", "zuid", "KWALITEITSSCAN", today().plusDays(2)).get("id").asText();
        invite(first, "refl-p1", "UITVOERING", "wijkcoach");
        send(post(url(first, "/scoring")), FACILITATOR, null);
        score(first, P1, 6, 6);

        management.executeJob(job(first, "scoreTermijnVerstreken"));

        assertThat(getJson(url(first, ""), TestUsers.manager()).get("status").asText()).isEqualTo("PRIORITISING");
        assertThat(getJson(url(first, "/report"), TestUsers.manager()).get("evidence").get("scopeId").asText()).isEqualTo("zuid");
        assertThat(send(post(url(first, "/priorities")), FACILITATOR, Map.of("themes", List.of("REGELRUIMTE")))
                .getResponse().getContentAsString()).contains("CONVERSATION");
        assertThat(send(post(url(first, "/conversation/close")), FACILITATOR, null).getResponse().getContentAsString())
                .contains("ACTIONS");
        MvcResult overdue = send(post(url(first, "/actions")), FACILITATOR, Map.of("theme", "REGELRUIMTE",
                "goal", "Maatwerk zonder extra handtekening", "tomorrow", "Ik besluit zelf tot 500 euro", "owner", "wijkcoach Zuid",
                "startDate", today().minusDays(40).toString(), "evaluationDate", today().minusDays(10).toString()));
        assertThat(overdue.getResponse().getStatus()).as(overdue.getResponse().getContentAsString()).isEqualTo(201);
        String actionId = read(overdue).get("id").asText();
        assertThat(read(overdue).get("overdue").asBoolean()).isTrue();

        management.executeJob(job(first, "actieHerinnering"));
        assertThat(jdbc.queryForObject("select reminders from reflection_action where id = ?::uuid", Integer.class, actionId))
                .isEqualTo(1);
        send(post(url(first, "/close")), FACILITATOR, null);

        assertThat(send(post("/api/v1/reflection/knelpunten"), TestUsers.procesregisseur(), Map.of("theme", "REGELRUIMTE",
                "scopeType", "WIJK", "scopeId", "zuid", "description", "Maatwerk wacht steeds op een tweede handtekening."))
                .getResponse().getStatus()).isEqualTo(201);

        JsonNode next = create("WIJK", "zuid", "KWALITEITSSCAN", today().plusDays(30));
        assertThat(next.get("previousSessionId").asText()).isEqualTo(first);
        JsonNode report = getJson(url(next.get("id").asText(), "/report"), TestUsers.manager());
        assertThat(report.get("carriedOver").findValuesAsText("id")).contains(actionId);
        assertThat(report.get("knelpunten").findValuesAsText("description")).contains("Maatwerk wacht steeds op een tweede handtekening.");

        assertThat(allItems("/api/v1/reflection/actions?overdue=true", TestUsers.manager()).findValuesAsText("id")).contains(actionId);
        assertThat(getJson("/api/v1/reflection/actions/summary", TestUsers.manager()).get("overdue").asLong()).isPositive();
        JsonNode trends = getJson("/api/v1/reflection/trends?scopeType=WIJK&scopeId=zuid", TestUsers.manager());
        JsonNode regelruimte = StreamSupport.stream(trends.spliterator(), false)
                .filter(trend -> trend.get("theme").asText().equals("REGELRUIMTE")).findFirst().orElseThrow();
        assertThat(regelruimte.get("sessions").findValuesAsText("sessionId")).contains(first);
    }

    @Test
    void whoMayNotOrganiseSeeOrScore() throws Exception {
        Map<String, Object> body = Map.of("scopeType", "MUNICIPALITY", "form", "KWALITEITSSCAN", "date",
                today().plusDays(3).toString(), "facilitatorId", TestUsers.sub("wijkcoach"));
        for (RequestPostProcessor user : List.of(TestUsers.wijkcoach(), TestUsers.deelnemer(), TestUsers.procesregisseur(),
                TestUsers.inwoner("999990019"))) {
            assertThat(status(post("/api/v1/reflection/sessions"), user, body)).isEqualTo(403);
        }
        String id = create("MUNICIPALITY", null, "KWALITEITSSCAN", today().plusDays(3)).get("id").asText();
        invite(id, "refl-p1", "UITVOERING", "wijkcoach");
        // Not part of the session: as if it did not exist.
        assertThat(status(get(url(id, "")), TestUsers.wijkcoach2(), null)).isEqualTo(404);
        assertThat(status(get(url(id, "")), TestUsers.deelnemer(), null)).isEqualTo(404);
        assertThat(status(get(url(id, "")), TestUsers.inwoner("999990019"), null)).isEqualTo(403);
        // A participant does not invite; the organiser does not score for anyone.
        assertThat(status(post(url(id, "/participants")), P1, Map.of("userId", "x", "perspective", "BELEID",
                "discipline", "beleid"))).isEqualTo(403);
        send(post(url(id, "/scoring")), FACILITATOR, null);
        assertThat(status(put(url(id, "/scores")), TestUsers.manager(), scores(5, Map.of()))).isEqualTo(403);
        // The action list and trends are the managers'; knelpunten are filed by procesregisseurs, without a BSN.
        assertThat(status(get("/api/v1/reflection/actions"), TestUsers.wijkcoach(), null)).isEqualTo(403);
        assertThat(status(get("/api/v1/reflection/actions/summary"), TestUsers.deelnemer(), null)).isEqualTo(403);
        Map<String, Object> knelpunt = new LinkedHashMap<>(Map.of("theme", "SLIM_GELD", "scopeType", "TEAM", "scopeId",
                "team-noord", "description", "Wie betaalt beschermd wonen bij 999990019?"));
        assertThat(status(post("/api/v1/reflection/knelpunten"), TestUsers.wijkcoach(), knelpunt)).isEqualTo(403);
        assertProblem(send(post("/api/v1/reflection/knelpunten"), TestUsers.procesregisseur(), knelpunt), 400, "description");
        // Bad input names the field.
        assertProblem(send(post("/api/v1/reflection/sessions"), TestUsers.manager(), Map.of("scopeType", "TEAM", "scopeId",
                "team-onbekend", "form", "KWALITEITSSCAN", "date", today().plusDays(3).toString(), "facilitatorId", "f")), 400, "scopeId");
        assertProblem(send(post("/api/v1/reflection/sessions"), TestUsers.manager(), Map.of("scopeType", "MUNICIPALITY", "scopeId",
                "noord", "form", "KWALITEITSSCAN", "date", today().plusDays(3).toString(), "facilitatorId", "f")), 400, "scopeId");
        assertProblem(send(post("/api/v1/reflection/sessions"), TestUsers.manager(), Map.of("scopeType", "MUNICIPALITY",
                "form", "KWALITEITSSCAN", "date", today().minusDays(3).toString(), "facilitatorId", "f")), 400, "date");
        assertProblem(send(post("/api/v1/reflection/sessions"), TestUsers.manager(), Map.of("scopeType", "MUNICIPALITY",
                "form", "GROEPSGESPREK", "date", today().plusDays(3).toString(), "facilitatorId", "f")), 400, "form");
    }

    // Helpers

    private JsonNode create(String scopeType, String scopeId, String form, LocalDate date) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("scopeType", scopeType, "form", form, "date", date.toString(),
                "facilitatorId", TestUsers.sub("wijkcoach")));
        if (scopeId != null) {
            body.put("scopeId", scopeId);
        }
        MvcResult result = send(post("/api/v1/reflection/sessions"), TestUsers.manager(), body);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return read(result);
    }

    private JsonNode invite(String id, String username, String perspective, String discipline) throws Exception {
        MvcResult result = send(post(url(id, "/participants")), FACILITATOR, Map.of("userId", TestUsers.sub(username),
                "perspective", perspective, "discipline", discipline));
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return read(result);
    }

    /** Samenspel and Slim geld as given, every other theme 5. */
    private void score(String id, RequestPostProcessor user, int samenspel, int slimGeld) throws Exception {
        MvcResult result = send(put(url(id, "/scores")), user, scores(5, Map.of("SAMENSPEL", samenspel, "SLIM_GELD", slimGeld)));
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(read(result).get("themesScored").asInt()).isEqualTo(9);
    }

    private static Map<String, Object> scores(int others, Map<String, Integer> given) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (ReflectionTheme theme : ReflectionTheme.values()) {
            scores.put(theme.name(), given.getOrDefault(theme.name(), others));
        }
        return new LinkedHashMap<>(Map.of("scores", scores));
    }

    private String job(String sessionId, String activity) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(sessionId).singleResult().getId();
        return management.createJobQuery().processInstanceId(instance).activityId(activity).singleResult().getId();
    }

    private static List<String> codes(JsonNode session) {
        return session.get("warnings").findValuesAsText("code");
    }

    private int status(MockHttpServletRequestBuilder request, RequestPostProcessor user, Object body) throws Exception {
        return send(request, user, body).getResponse().getStatus();
    }

    private static String url(String id, String suffix) {
        return "/api/v1/reflection/sessions/" + id + suffix;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    }
}
