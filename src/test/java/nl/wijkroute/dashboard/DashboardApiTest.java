package nl.wijkroute.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
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

/** Indicators on small hand-made histories in a team of their own, with answers computed by hand. */
class DashboardApiTest extends ApiTestSupport {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private String team;
    private String wijk;

    @Autowired
    OrganisationService organisations;

    @BeforeEach
    void ownTeam() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = "team-dash-" + suffix;
        wijk = "wijk-dash-" + suffix;
        jdbc.update("insert into team (id, name) values (?, ?)", team, "Dashboardtest");
        jdbc.update("insert into wijk (id, name, team_id) values (?, ?, ?)", wijk, "Dashboardwijk", team);
    }

    @Test
    void leadTimesPerStageAndForTheWholeRouteAreMedianAndP80() throws Exception {
        int[] triageDays = {1, 2, 3, 4, 10};
        for (int days : triageDays) {
            UUID caseId = caseOpenedAt(household(), T0, null);
            move(caseId, null, "SIGNALEREN", T0);
            move(caseId, "SIGNALEREN", "TRIAGE", T0);
            move(caseId, "TRIAGE", "VRAAGVERHELDERING", T0.plus(Duration.ofDays(days)));
        }
        for (int days : new int[] {10, 20, 30}) {
            caseOpenedAt(household(), T0, T0.plus(Duration.ofDays(days)));
        }

        JsonNode leadTimes = getJson("/api/v1/dashboard/lead-times?team=" + team + "&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z",
                TestUsers.manager());

        JsonNode triage = stage(leadTimes.get("perStage"), "TRIAGE");
        assertThat(triage.get("cases").asLong()).isEqualTo(5);
        assertThat(triage.get("medianDays").asDouble()).isCloseTo(3.0, within(1e-6));
        assertThat(triage.get("p80Days").asDouble()).as("1,2,3,4,10 -> 4 + 0.2 * 6").isCloseTo(5.2, within(1e-6));
        assertThat(stage(leadTimes.get("perStage"), "SIGNALEREN").get("medianDays").asDouble()).isZero();
        assertThat(leadTimes.get("perStage").findValuesAsText("stage")).doesNotContain("VRAAGVERHELDERING");
        assertThat(leadTimes.get("wholeRoute").get("cases").asLong()).isEqualTo(3);
        assertThat(leadTimes.get("wholeRoute").get("medianDays").asDouble()).isCloseTo(20.0, within(1e-6));
        assertThat(leadTimes.get("wholeRoute").get("p80Days").asDouble()).isCloseTo(26.0, within(1e-6));
        assertThat(leadTimes.get("perStage").findValuesAsText("stage")).as("in route order").containsExactly("SIGNALEREN", "TRIAGE");

        JsonNode quietPeriod = getJson("/api/v1/dashboard/lead-times?team=" + team + "&from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z",
                TestUsers.manager());
        assertThat(quietPeriod.get("perStage")).isEmpty();
        assertThat(quietPeriod.get("wholeRoute").get("cases").asLong()).isZero();
        assertThat(quietPeriod.get("wholeRoute").has("medianDays")).as("no median of nothing").isFalse();
    }

    @Test
    void workInProgressOnAGivenDayWithSmallGroupsSuppressed() throws Exception {
        for (int days : new int[] {1, 2, 3, 4, 10}) {
            UUID caseId = caseOpenedAt(household(), T0, null);
            move(caseId, null, "SIGNALEREN", T0);
            move(caseId, "SIGNALEREN", "TRIAGE", T0);
            move(caseId, "TRIAGE", "VRAAGVERHELDERING", T0.plus(Duration.ofDays(days)));
        }

        JsonNode wip = getJson("/api/v1/dashboard/work-in-progress?team=" + team + "&asOf=" + T0.plus(Duration.ofHours(60)),
                TestUsers.manager());

        JsonNode triage = stage(wip.get("stages"), "TRIAGE");
        assertThat(triage.get("cases").asLong()).isEqualTo(3);
        JsonNode vraagverheldering = stage(wip.get("stages"), "VRAAGVERHELDERING");
        assertThat(vraagverheldering.get("suppressed").asBoolean()).as("two households could be recognised").isTrue();
        assertThat(vraagverheldering.has("cases")).isFalse();
    }

    @Test
    void recurrenceAndTheShareSolvedWithoutAnIndication() throws Exception {
        UUID householdA = household();
        UUID first = caseOpenedAt(householdA, T0, T0.plus(Duration.ofDays(20)));
        caseOpenedAt(householdA, T0.plus(Duration.ofDays(120)), null);
        UUID withIndication = caseOpenedAt(household(), T0, T0.plus(Duration.ofDays(25)));
        caseOpenedAt(household(), T0, T0.plus(Duration.ofDays(30)));
        jdbc.update("""
                insert into toegang_request (id, case_id, law, provision, received_on, phase, requested_by, requested_at)
                values (?, ?, 'WMO', 'Begeleiding', date '2026-01-10', 'BESLOTEN', 'test', now())
                """, UUID.randomUUID(), withIndication);

        String period = "team=" + team + "&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z";
        JsonNode recurrence = getJson("/api/v1/dashboard/recurrence?" + period, TestUsers.manager());
        assertThat(recurrence.get("casesEnded").asLong()).isEqualTo(3);
        assertThat(recurrence.get("recurredWithin12Months").asLong()).isEqualTo(1);
        JsonNode frontDoor = getJson("/api/v1/dashboard/front-door?" + period, TestUsers.manager());
        assertThat(frontDoor.get("solvedWithoutIndication").asLong()).isEqualTo(2);
        assertThat(frontDoor.get("share").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(first).isNotNull();
    }

    @Test
    void deadlineCompliancePerLaw() throws Exception {
        UUID caseId = caseOpenedAt(household(), T0, null);
        UUID request = UUID.randomUUID();
        jdbc.update("""
                insert into toegang_request (id, case_id, law, provision, received_on, phase, requested_by, requested_at)
                values (?, ?, 'WMO', 'Begeleiding', date '2026-01-05', 'BESLUIT', 'test', now())
                """, request, caseId);
        deadline(caseId, request, "2026-02-16", "MET", false);
        deadline(caseId, request, "2026-02-17", "MET", false);
        deadline(caseId, request, "2026-02-18", "RUNNING", true);

        JsonNode compliance = getJson("/api/v1/dashboard/deadlines?team=" + team + "&from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z",
                TestUsers.manager());

        JsonNode wmo = compliance.get(0);
        assertThat(wmo.get("law").asText()).isEqualTo("WMO");
        assertThat(wmo.get("metInTime").asLong()).isEqualTo(2);
        assertThat(wmo.get("breached").asLong()).isEqualTo(1);
        assertThat(wmo.get("complianceRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void theFiltersListTheTeamsAndTheWijkenWithTheirTeam() throws Exception {
        JsonNode teams = getJson("/api/v1/dashboard/teams", TestUsers.manager());
        assertThat(teams.toString()).contains("{\"id\":\"team-noord\",\"name\":\"Wijkteam Noord\"}");
        JsonNode wijken = getJson("/api/v1/dashboard/wijken", TestUsers.manager());
        assertThat(wijken.toString()).contains("{\"id\":\"haven\",\"name\":\"Haven\",\"team\":\"team-zuid\"}");
    }

    @Test
    void flowCountsSignalsBySourceAndStartedAndEndedCasesPerWeek() throws Exception {
        for (int i = 0; i < 3; i++) {
            UUID caseId = caseOpenedAt(household(), T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(8)));
            signal(caseId, "PARTNER", T0.plus(Duration.ofDays(1)));
        }
        // Two whole weeks of the municipality's calendar (decision 0055): Monday 00:00 in Amsterdam is 23:00 UTC.
        JsonNode flow = getJson("/api/v1/dashboard/flow?team=" + team + "&from=2026-01-04T23:00:00Z&to=2026-01-18T23:00:00Z&granularity=WEEK",
                TestUsers.manager());
        assertThat(flow).hasSize(2);
        assertThat(flow.get(0).get("casesStarted").asLong()).isEqualTo(3);
        assertThat(flow.get(0).get("signalsBySource").get("PARTNER").asLong()).isEqualTo(3);
        assertThat(flow.get(1).get("casesClosed").asLong()).isEqualTo(3);
    }

    /**
     * Issue 13.1: a doorbraak recorded through the API used to store its casusoverleg as epoch seconds in
     * jsonb, and the indicator's timestamp cast answered 500.
     */
    @Test
    void escalationsIndicatorReadsDoorbrakenRecordedThroughTheApi() throws Exception {
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
        RequestPostProcessor coach = TestUsers.user("wijkcoach-" + team, List.of("wijkteam"), Map.of("team", team, "wijk", wijk));
        for (int i = 0; i < 3; i++) {
            UUID caseId = caseThroughTheApi();
            JsonNode raised = send(post("/api/v1/cases/" + caseId + "/escalations"), coach, 201,
                    Map.of("cause", "FINANCING_CONFLICT", "description", "Gemeente en zorgverzekeraar wijzen naar elkaar."));
            String id = raised.get("id").asText();
            send(post("/api/v1/escalations/" + id + "/take"), TestUsers.procesregisseur(), 200, Map.of());
            send(post("/api/v1/escalations/" + id + "/doorbraak"), TestUsers.procesregisseur(), 200, Map.of(
                    "casusoverlegAt", Instant.now().toString(),
                    "participants", List.of("ggz-breburg"),
                    "decision", "De gemeente betaalt voorlopig.",
                    "payer", "gemeente",
                    "payUntil", LocalDate.now(MunicipalTime.ZONE).plusMonths(3).toString(),
                    "followUpBefore", LocalDate.now(MunicipalTime.ZONE).plusWeeks(2).toString(),
                    "actions", List.of(Map.of("description", "Intake", "organisationId", "ggz-breburg",
                            "dueOn", LocalDate.now(MunicipalTime.ZONE).plusDays(2).toString()))));
        }

        JsonNode escalations = getJson("/api/v1/dashboard/escalations?team=" + team, TestUsers.manager());

        assertThat(escalations).hasSize(1);
        assertThat(escalations.get(0).get("cause").asText()).isEqualTo("FINANCING_CONFLICT");
        assertThat(escalations.get(0).get("escalations").asLong()).isEqualTo(3);
        assertThat(escalations.get(0).get("medianDaysToDoorbraak").asDouble()).as("casusoverleg right after raising")
                .isCloseTo(0.0, within(0.01));
    }

    @Test
    void onlyManagersSeeTheDashboardAndBadPeriodsAreNamed() throws Exception {
        for (RequestPostProcessor user : List.of(TestUsers.wijkcoach(), TestUsers.procesregisseur(), TestUsers.admin(), TestUsers.partnerGgz())) {
            assertProblem(mvc.perform(get("/api/v1/dashboard/work-in-progress").with(user)).andReturn(), 403);
        }
        assertProblem(mvc.perform(get("/api/v1/dashboard/lead-times?from=2026-03-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .with(TestUsers.manager())).andReturn(), 400, "from");
        assertProblem(mvc.perform(get("/api/v1/dashboard/flow?granularity=DAY").with(TestUsers.manager())).andReturn(), 400, "granularity");
        assertProblem(mvc.perform(get("/api/v1/dashboard/lead-times?from=gisteren").with(TestUsers.manager())).andReturn(), 400, "from");
    }

    /** A signal for a new household in this test's wijk: the case opens in this test's team. */
    private UUID caseThroughTheApi() throws Exception {
        MvcResult result = postSignal(signal(newHousehold(wijk)), TestUsers.frontoffice(), UUID.randomUUID().toString());
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return UUID.fromString(read(result).get("caseId").asText());
    }

    private JsonNode send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                          RequestPostProcessor user, int status, Object body) throws Exception {
        MvcResult result = mvc.perform(request.with(user).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return read(result);
    }

    private UUID household() {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Dashboard', ?, now())", id, wijk);
        return id;
    }

    private void deadline(UUID caseId, UUID request, String dueOn, String status, boolean breached) {
        jdbc.update("""
                insert into legal_deadline (id, case_id, toegang_request_id, term, legal_basis, received_on, due_on, warn_on,
                                            status, breached, created_at)
                values (?, ?, ?, 'WMO_ONDERZOEK', 'Wmo 2015 art. 2.3.2', date '2026-01-05', cast(? as date), cast(? as date), ?, ?, now())
                """, UUID.randomUUID(), caseId, request, dueOn, dueOn, status, breached);
    }

    private static JsonNode stage(JsonNode list, String stage) {
        for (JsonNode node : list) {
            if (node.get("stage").asText().equals(stage)) {
                return node;
            }
        }
        throw new AssertionError("no " + stage + " in " + list);
    }

    private UUID caseOpenedAt(UUID household, Instant openedAt, Instant closedAt) {
        return DashboardRows.caseOpenedAt(jdbc, team, household, openedAt, closedAt);
    }

    private void move(UUID caseId, String from, String to, Instant at) {
        DashboardRows.move(jdbc, caseId, from, to, at);
    }

    private void signal(UUID caseId, String source, Instant at) {
        DashboardRows.signal(jdbc, caseId, source, at);
    }
}
