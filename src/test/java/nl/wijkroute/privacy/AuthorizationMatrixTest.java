package nl.wijkroute.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

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
import nl.wijkroute.system.security.EndpointRules;
import nl.wijkroute.system.security.Roles;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The authorization matrix of docs/authorization.md, walked: every case endpoint × every role, on a
 * household that is in the scope of some users and out of the scope of others. Asserts the exact status
 * (200 in scope, 404 out of scope, 403 for a role that never may), that out-of-scope writes change
 * nothing, that lists and counts hold nothing out of scope, and that each answer left its access-log
 * entry (GRANTED for 200, DENIED for 404).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends ApiTestSupport {

    /** Every role of the realm, with the users that make the scope differences visible. */
    private static final Map<String, RequestPostProcessor> USERS = new LinkedHashMap<>();

    /** The role each of those users has (TestUsers). */
    private static final Map<String, String> ROLES = Map.ofEntries(Map.entry("frontoffice", Roles.FRONTOFFICE),
            Map.entry("wijkcoach", Roles.WIJKTEAM), Map.entry("wijkcoach2", Roles.WIJKTEAM),
            Map.entry("partner-ggz", Roles.PARTNER), Map.entry("partner-schuldhulp", Roles.PARTNER),
            Map.entry("toegang", Roles.TOEGANG), Map.entry("toegang-jeugd", Roles.TOEGANG),
            Map.entry("procesregisseur", Roles.PROCESREGISSEUR), Map.entry("manager", Roles.MANAGER),
            Map.entry("admin", Roles.ADMIN), Map.entry("privacy", Roles.PRIVACY), Map.entry("inwoner", Roles.INWONER),
            Map.entry("deelnemer", Roles.REFLECTIE_DEELNEMER));

    static {
        USERS.put("frontoffice", TestUsers.frontoffice());
        USERS.put("wijkcoach", TestUsers.wijkcoach());
        USERS.put("wijkcoach2", TestUsers.wijkcoach2());
        USERS.put("partner-ggz", TestUsers.partnerGgz());
        USERS.put("partner-schuldhulp", TestUsers.partnerSchuldhulp());
        USERS.put("toegang", TestUsers.toegang());
        USERS.put("toegang-jeugd", TestUsers.toegangJeugd());
        USERS.put("procesregisseur", TestUsers.procesregisseur());
        USERS.put("manager", TestUsers.manager());
        USERS.put("admin", TestUsers.admin());
        USERS.put("privacy", TestUsers.privacyOfficer());
        USERS.put("inwoner", TestUsers.inwoner("999990019"));
        USERS.put("deelnemer", TestUsers.deelnemer());
    }

    /**
     * A household of team-noord, past triage: a plan with an action of GGZ, a Wmo request, an open
     * escalation. In scope: wijkcoach (team), partner-ggz (plan action), toegang (Wmo), procesregisseur
     * (escalated). Out of scope: frontoffice (past the front door), wijkcoach2 (team-zuid),
     * partner-schuldhulp, toegang-jeugd.
     */
    private UUID caseId;
    private String toegangRequestId;
    private String deadlineId;
    private String escalationId;

    @Autowired
    OrganisationService organisations;

    @BeforeAll
    void householdKnownToSomeAndNotToOthers() throws Exception {
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
        organisations.ensure("schuldhulp-stad", "Schuldhulp Stad", OrganisationType.SCHULDHULP);
        caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", TestUsers.wijkcoach(), Map.of("outcome", "TO_PLAN", "realQuestion", "Rust in de financiën."));
        MvcResult plan = send(post(url("/plan")), TestUsers.wijkcoach(), Map.of("goals", List.of(Map.of(
                "leefgebied", "GEESTELIJKE_GEZONDHEID", "description", "Weer grip op de dag", "result", "Behandeling loopt",
                "targetDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(6).toString(),
                "actions", List.of(Map.of("description", "Intake GGZ", "ownerType", "PARTNER", "organisationId", "ggz-breburg",
                        "status", "PLANNED"))))));
        assertThat(plan.getResponse().getStatus()).as(plan.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult toegang = send(post(url("/toegang")), TestUsers.wijkcoach(), Map.of("law", "WMO",
                "provision", "Huishoudelijke ondersteuning", "receivedOn", LocalDate.now(MunicipalTime.ZONE).toString()));
        assertThat(toegang.getResponse().getStatus()).as(toegang.getResponse().getContentAsString()).isEqualTo(201);
        toegangRequestId = read(toegang).get("id").asText();
        deadlineId = read(toegang).get("deadlines").get(0).get("id").asText();
        MvcResult escalation = send(post(url("/escalations")), TestUsers.wijkcoach(), Map.of("cause", "PARTIES_WAIT_FOR_EACH_OTHER",
                "description", "Partijen wachten op elkaar."));
        assertThat(escalation.getResponse().getStatus()).as(escalation.getResponse().getContentAsString()).isEqualTo(201);
        escalationId = read(escalation).get("id").asText();
        String member = getJson(url(""), TestUsers.wijkcoach()).get("household").get("members").get(0).get("id").asText();
        MvcResult veiligheidsplan = send(post(url("/veiligheidsplan")), TestUsers.wijkcoach(), Map.of("voorwaarden", List.of(
                Map.of("memberId", member, "condition", "Niemand wordt bedreigd.", "howChecked", "Huisbezoek",
                        "checkedBy", "Wijkcoach"))));
        assertThat(veiligheidsplan.getResponse().getStatus()).as(veiligheidsplan.getResponse().getContentAsString()).isEqualTo(201);
    }

    @Test
    void everyCaseReadAnswersInScope200OutOfScope404AndForbiddenRoles403() throws Exception {
        // in scope: wijkcoach, partner-ggz, toegang, procesregisseur
        expectReads("", Map.of("wijkcoach", 200, "toegang", 200, "procesregisseur", 200,
                "frontoffice", 404, "wijkcoach2", 404, "toegang-jeugd", 404));
        expectReads("/history", Map.of("wijkcoach", 200, "toegang", 200, "procesregisseur", 200, "partner-ggz", 200,
                "frontoffice", 404, "wijkcoach2", 404, "toegang-jeugd", 404, "partner-schuldhulp", 404));
        expectReads("/vraagverheldering", Map.of("wijkcoach", 200, "toegang", 200, "procesregisseur", 200,
                "wijkcoach2", 404, "toegang-jeugd", 404));
        expectReads("/plan", Map.of("wijkcoach", 200, "toegang", 200, "procesregisseur", 200, "partner-ggz", 200,
                "wijkcoach2", 404, "toegang-jeugd", 404, "partner-schuldhulp", 404));
        expectReads("/plan/versions", Map.of("wijkcoach", 200, "toegang", 200, "procesregisseur", 200,
                "wijkcoach2", 404, "toegang-jeugd", 404));
        expectReads("/regie", Map.of("wijkcoach", 200, "toegang", 200, "procesregisseur", 200, "partner-ggz", 200,
                "frontoffice", 404, "wijkcoach2", 404, "toegang-jeugd", 404, "partner-schuldhulp", 404));
        expectReads("/toegang", Map.of("wijkcoach", 200, "toegang", 200, "procesregisseur", 200,
                "wijkcoach2", 404, "toegang-jeugd", 404));
        expectReads("/deadlines", Map.of("wijkcoach", 200, "toegang", 200, "procesregisseur", 200,
                "wijkcoach2", 404, "toegang-jeugd", 404));
        // Safety (decision 0047): only the team; an involved partner is answered as if there were nothing,
        // and may learn only that a veiligheidsplan exists.
        expectReads("/meldcode", Map.of("wijkcoach", 200, "partner-ggz", 404, "partner-schuldhulp", 404, "wijkcoach2", 404));
        expectReads("/veiligheidsplan", Map.of("wijkcoach", 200, "partner-ggz", 404, "partner-schuldhulp", 404,
                "wijkcoach2", 404));
        expectReads("/veiligheidsplan/versions", Map.of("wijkcoach", 200, "wijkcoach2", 404));
        expectReads("/safety", Map.of("wijkcoach", 200, "toegang", 200, "procesregisseur", 200, "partner-ggz", 200,
                "wijkcoach2", 404, "toegang-jeugd", 404, "partner-schuldhulp", 404));
        // The safety checks per member: the team only; toegang, procesregisseur and partners in scope get 403.
        expectReads("/safety-checks", Map.of("wijkcoach", 200, "wijkcoach2", 404));
    }

    @Test
    void thingsReachedByTheirOwnIdFollowTheirCase() throws Exception {
        expect(get("/api/v1/toegang/" + toegangRequestId), Map.of("wijkcoach", 200, "toegang", 200, "procesregisseur", 200,
                "wijkcoach2", 404, "toegang-jeugd", 404));
        expect(get("/api/v1/escalations/" + escalationId), Map.of("wijkcoach", 200, "procesregisseur", 200, "wijkcoach2", 404));
    }

    /**
     * Partners work in the plan (decision 0043): their own organisation's action yes, another's action and a
     * goal outside the household's consent 404 (logged as refused), like an out-of-scope household.
     */
    @Test
    void partnersWorkOnTheirOwnOrganisationsActionsOnlyAndWithinTheConsent() throws Exception {
        JsonNode plan = getJson(url("/plan"), TestUsers.wijkcoach());
        if (!plan.get("goals").findValuesAsText("leefgebied").contains("FINANCIEN")) {
            // A goal the household did not share with GGZ, with an action of the household itself.
            List<Object> goals = new ArrayList<>(json.convertValue(plan.get("goals"), List.class));
            goals.add(Map.of("leefgebied", "FINANCIEN", "description", "Grip op geld", "result", "Schulden in een regeling",
                    "targetDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(6).toString(), "actions", List.of(Map.of(
                            "description", "Post samen openen", "ownerType", "HOUSEHOLD", "status", "PLANNED"))));
            MvcResult changed = send(put(url("/plan")), TestUsers.wijkcoach(), Map.of("basedOnVersion",
                    plan.get("version").asInt(), "goals", goals));
            assertThat(changed.getResponse().getStatus()).as(changed.getResponse().getContentAsString()).isEqualTo(200);
            plan = read(changed);
        }
        String ggzGoal = null;
        String ggzAction = null;
        String householdGoal = null;
        String householdAction = null;
        for (JsonNode goal : plan.get("goals")) {
            JsonNode action = goal.get("actions").get(0);
            if ("ggz-breburg".equals(action.path("organisationId").asText())) {
                ggzGoal = goal.get("id").asText();
                ggzAction = action.get("id").asText();
            } else if ("HOUSEHOLD".equals(action.get("ownerType").asText())) {
                householdGoal = goal.get("id").asText();
                householdAction = action.get("id").asText();
            }
        }
        expect(get(url("/plan/actions/" + ggzAction)), Map.of("wijkcoach", 200, "toegang", 200, "procesregisseur", 200,
                "partner-ggz", 200, "wijkcoach2", 404, "toegang-jeugd", 404, "partner-schuldhulp", 404));
        expect(get(url("/plan/actions/" + householdAction)), Map.of("wijkcoach", 200, "toegang", 200, "procesregisseur", 200,
                "partner-ggz", 404, "wijkcoach2", 404, "toegang-jeugd", 404, "partner-schuldhulp", 404));
        expect(get(url("/plan/proposals")), Map.of("wijkcoach", 200, "toegang", 200, "procesregisseur", 200,
                "partner-ggz", 200, "wijkcoach2", 404, "toegang-jeugd", 404, "partner-schuldhulp", 404));
        String note = json.writeValueAsString(Map.of("date", LocalDate.now(MunicipalTime.ZONE).toString(), "text", "Voortgang"));
        expect(post(url("/plan/actions/" + ggzAction + "/notes")).contentType(MediaType.APPLICATION_JSON).content(note),
                Map.of("wijkcoach", 201, "partner-ggz", 201, "wijkcoach2", 404, "partner-schuldhulp", 404));
        expect(post(url("/plan/actions/" + householdAction + "/notes")).contentType(MediaType.APPLICATION_JSON).content(note),
                Map.of("wijkcoach", 201, "partner-ggz", 404, "wijkcoach2", 404, "partner-schuldhulp", 404));
        String later = LocalDate.now(MunicipalTime.ZONE).plusMonths(8).toString();
        expect(post(url("/plan/proposals")).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
                Map.of("kind", "TARGET_DATE", "goalId", householdGoal, "targetDate", later))),
                Map.of("partner-ggz", 404, "partner-schuldhulp", 404));
        expect(post(url("/plan/proposals")).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
                Map.of("kind", "TARGET_DATE", "goalId", ggzGoal, "targetDate", later))),
                Map.of("partner-ggz", 201, "partner-schuldhulp", 404));
        String proposal = getJson(url("/plan/proposals"), TestUsers.wijkcoach()).get(0).get("id").asText();
        expect(post(url("/plan/proposals/" + proposal + "/decline")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"Nog niet\"}"), Map.of("wijkcoach", 200, "wijkcoach2", 404));
    }

    @Test
    void onlyTheCasesOwnTeamDecidesWhatTheHouseholdSeesOfASafetyCase() throws Exception {
        expect(put(url("/resident-view")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"safeToShow\": true, \"reason\": \"Besproken in het team.\"}"),
                Map.of("wijkcoach", 200, "wijkcoach2", 404));
    }

    @Test
    void outOfScopeWritesAre404AndChangeNothing() throws Exception {
        Map<String, Integer> before = rowCounts();
        String member = getJson(url(""), TestUsers.wijkcoach()).get("household").get("members").get(0).get("id").asText();
        assertStatus(send(put(url("/vraagverheldering/" + member + "/FINANCIEN")), TestUsers.wijkcoach2(),
                Map.of("score", 3)), 404);
        Map<String, Object> grid = Map.of("assessments", List.of(Map.of("memberId", member, "leefgebied", "FINANCIEN",
                "assessment", Map.of("score", 3))));
        assertStatus(send(post(url("/vraagverheldering/assessments")), TestUsers.wijkcoach2(), grid), 404);
        assertStatus(send(post(url("/vraagverheldering/assessments")), TestUsers.partnerGgz(), grid), 403);
        assertStatus(send(post(url("/plan/agreement")), TestUsers.wijkcoach2(), Map.of("basedOnVersion", 1,
                "agreedAt", "2026-01-01T10:00:00Z", "form", "IN_GESPREK", "agreedBy", "Anna")), 404);
        String goal = getJson(url("/plan"), TestUsers.wijkcoach()).get("goals").get(0).get("id").asText();
        assertStatus(send(post(url("/plan/goals/" + goal + "/evaluation")), TestUsers.wijkcoach2(),
                Map.of("attainment", "ATTAINED")), 404);
        assertStatus(send(post(url("/regie/take")), TestUsers.wijkcoach2(), Map.of()), 404);
        assertStatus(send(post(url("/toegang")), TestUsers.wijkcoach2(), Map.of("law", "WMO", "provision", "Hulp",
                "receivedOn", LocalDate.now(MunicipalTime.ZONE).toString())), 404);
        assertStatus(send(post(url("/escalations")), TestUsers.wijkcoach2(), Map.of("cause", "PARTIES_WAIT_FOR_EACH_OTHER",
                "description", "Vast.")), 404);
        assertStatus(send(post("/api/v1/toegang/" + toegangRequestId + "/onderzoek"), TestUsers.toegangJeugd(),
                Map.of("aanvraagReceivedOn", LocalDate.now(MunicipalTime.ZONE).toString())), 404);
        assertStatus(send(post("/api/v1/deadlines/" + deadlineId + "/suspend"), TestUsers.toegangJeugd(),
                Map.of("since", LocalDate.now(MunicipalTime.ZONE).toString(), "reason", "Wachten op stukken")), 404);
        // What follows a decision (decision 0050): a consulent of another law cannot reach this request's bezwaar,
        // herindicatie or term.
        assertStatus(send(post("/api/v1/toegang/" + toegangRequestId + "/bezwaar"), TestUsers.toegangJeugd(),
                Map.of("receivedOn", LocalDate.now(MunicipalTime.ZONE).toString(), "advisoryCommittee", false)), 404);
        assertStatus(send(post("/api/v1/toegang/" + toegangRequestId + "/bezwaar/decision"), TestUsers.toegangJeugd(),
                Map.of("outcome", "INGETROKKEN")), 404);
        assertStatus(send(post("/api/v1/toegang/" + toegangRequestId + "/herindicatie"), TestUsers.toegangJeugd(), null), 404);
        assertStatus(send(post("/api/v1/deadlines/" + deadlineId + "/extend"), TestUsers.toegangJeugd(),
                Map.of("reason", "Advies volgt.")), 404);
        assertStatus(mvc.perform(get("/api/v1/toegang/" + toegangRequestId + "/bezwaar").with(TestUsers.wijkcoach2())).andReturn(), 404);
        assertStatus(send(post("/api/v1/escalations/" + escalationId + "/take"), TestUsers.procesregisseur2(), Map.of()), 200);
        assertThat(rowCounts()).as("only the procesregisseur's take changed something")
                .containsEntry("household", before.get("household"))
                .containsEntry("toegang_request", before.get("toegang_request"))
                .containsEntry("escalation", before.get("escalation"))
                .containsEntry("leefgebied_assessment", before.get("leefgebied_assessment"))
                .containsEntry("plan_version", before.get("plan_version"));
    }

    @Test
    void listsAndCountsHoldOnlyWhatIsInScope() throws Exception {
        JsonNode zuid = getJson("/api/v1/cases?size=100", TestUsers.wijkcoach2());
        assertThat(zuid.get("items").findValuesAsText("id")).doesNotContain(caseId.toString());
        // Their own team's cases, plus any they opened by break-the-glass (other tests do): nothing else, also not in the count.
        assertThat(zuid.get("totalItems").asLong()).as("the count is of visible cases only").isEqualTo(
                jdbc.queryForObject("""
                        select count(*) from support_case c where c.team_id = 'team-zuid' or exists (select 1 from break_glass_access g
                            where g.case_id = c.id and g.username = 'wijkcoach2' and g.expires_at > now())""", Long.class));
        assertThat(caseIdsOf("/api/v1/cases?team=team-noord&size=100", TestUsers.wijkcoach2())).doesNotContain(caseId.toString());
        assertThat(getJson("/api/v1/cases?size=100&stage=REGIE", TestUsers.frontoffice()).get("totalItems").asLong()).isZero();

        assertThat(caseIdsOf("/api/v1/cases?size=100", TestUsers.wijkcoach())).contains(caseId.toString());
        assertThat(caseIdsOf("/api/v1/cases?size=100", TestUsers.toegang())).contains(caseId.toString());
        assertThat(caseIdsOf("/api/v1/cases?size=100", TestUsers.procesregisseur())).contains(caseId.toString());
        assertThat(caseIdsOf("/api/v1/cases?size=100", TestUsers.toegangJeugd())).doesNotContain(caseId.toString());
        assertThat(caseIdsOf("/api/v1/cases?size=100", TestUsers.frontoffice())).doesNotContain(caseId.toString());

        assertThat(allItems("/api/v1/toegang", TestUsers.toegang()).findValuesAsText("id")).contains(toegangRequestId);
        assertThat(allItems("/api/v1/toegang", TestUsers.toegangJeugd()).findValuesAsText("id")).doesNotContain(toegangRequestId);
        assertThat(allItems("/api/v1/toegang", TestUsers.toegangJeugd()).findValuesAsText("law")).doesNotContain("WMO", "WGS");
        assertThat(allItems("/api/v1/tasks", TestUsers.wijkcoach2()).findValuesAsText("caseId")).doesNotContain(caseId.toString());
        assertThat(allItems("/api/v1/tasks", TestUsers.wijkcoach2()).findValuesAsText("caseId")).allSatisfy(id ->
                assertThat(jdbc.queryForObject("select team_id from support_case where id = ?::uuid", String.class, id))
                        .isEqualTo("team-zuid"));
    }

    /**
     * The werkbak of a case whose casusregie a GGZ professional accepted (decision 0044): the regie step is
     * GGZ's alone. Another organisation, the team that handed it over and another team get 404 (a task outside
     * their groups does not exist); roles without a werkbak 403; GGZ claims it (200).
     */
    @Test
    void aRegieStepOfAPartnerHeldCaseIsInThatOrganisationsWerkbakOnly() throws Exception {
        UUID regieCase = caseInRegie();
        assertStatus(send(post("/api/v1/cases/" + regieCase + "/regie/take"), TestUsers.wijkcoach(), Map.of()), 200);
        MvcResult proposed = send(post("/api/v1/cases/" + regieCase + "/handovers"), TestUsers.wijkcoach(), Map.of(
                "scope", "REGIE", "receiverOrganisation", "ggz-breburg", "consent", Map.of("basis", "CONSENT",
                        "givenBy", "Anna de Vries", "givenAt", java.time.Instant.now().minusSeconds(60).toString(),
                        "form", "IN_GESPREK", "leefgebieden", List.of("FINANCIEN"))));
        assertStatus(proposed, 201);
        assertStatus(send(post("/api/v1/handovers/" + read(proposed).get("id").asText() + "/accept"), TestUsers.partnerGgz(),
                Map.of()), 200);
        String regieTask = openTask(regieCase, "regie");

        MockHttpServletRequestBuilder claim = post("/api/v1/tasks/" + regieTask + "/claim");
        EndpointRules.Rule rule = ruleOf(claim);
        Map<String, Integer> expected = Map.of("partner-schuldhulp", 404, "wijkcoach", 404, "wijkcoach2", 404, "frontoffice", 404);
        List<String> wrong = new ArrayList<>();
        for (var user : USERS.entrySet()) {
            if (user.getKey().equals("partner-ggz")) {
                continue;
            }
            int want = expected.getOrDefault(user.getKey(), 403);
            if (!rule.roles().contains(ROLES.get(user.getKey())) && want != 403) {
                wrong.add(user.getKey() + ": EndpointRules refuses " + ROLES.get(user.getKey()));
            }
            int status = mvc.perform(claim.with(user.getValue())).andReturn().getResponse().getStatus();
            if (status != want) {
                wrong.add(user.getKey() + ": " + status + " (want " + want + ")");
            }
        }
        assertThat(wrong).isEmpty();
        for (String other : List.of("partner-schuldhulp", "wijkcoach", "wijkcoach2")) {
            assertThat(allItems("/api/v1/tasks", USERS.get(other)).findValuesAsText("id")).as(other).doesNotContain(regieTask);
        }
        assertThat(allItems("/api/v1/tasks", TestUsers.partnerGgz()).findValuesAsText("id")).contains(regieTask);
        assertStatus(mvc.perform(claim.with(TestUsers.partnerGgz())).andReturn(), 200);
    }

    @Test
    void rolesWithoutCaseworkGet403OnEveryCaseEndpointAndList() throws Exception {
        List<String> urls = List.of(url(""), url("/history"), url("/vraagverheldering"), url("/plan"), url("/regie"),
                url("/toegang"), url("/deadlines"), url("/meldcode"), url("/veiligheidsplan"), url("/safety"), "/api/v1/cases", "/api/v1/tasks", "/api/v1/toegang", "/api/v1/deadlines",
                "/api/v1/escalations", "/api/v1/escalations/" + escalationId, "/api/v1/toegang/" + toegangRequestId,
                "/api/v1/toegang/" + toegangRequestId + "/bezwaar", "/api/v1/stagnation-signals");
        for (String role : List.of("manager", "admin", "privacy", "inwoner", "deelnemer")) {
            for (String target : urls) {
                assertThat(mvc.perform(get(target).with(USERS.get(role))).andReturn().getResponse().getStatus())
                        .as(role + " GET " + target).isEqualTo(403);
            }
        }
    }

    /**
     * The role check comes before the body is read: a caller whose role may never write gets 403 on every
     * write endpoint, whatever the body, so the field errors of a 400 never tell them the input shape.
     * Walks every handler mapping, so a new write endpoint is covered without touching this test.
     */
    @Test
    void aWrongRoleWithAnInvalidOrEmptyBodyGets403OnEveryWriteEndpoint() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var mapping : handlerMappings.getHandlerMethods().keySet()) {
            for (String pattern : mapping.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (var method : mapping.getMethodsCondition().getMethods()) {
                    if (method == org.springframework.web.bind.annotation.RequestMethod.GET) {
                        continue;
                    }
                    String target = pattern.replaceAll("\\{leefgebied}", "FINANCIEN").replaceAll("\\{number}", "1")
                            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    for (String role : List.of("manager", "inwoner", "deelnemer")) {
                        if (admits(method.name(), pattern, role)) {
                            continue; // e.g. a manager organising a reflection session: the body is theirs to get wrong
                        }
                        for (String body : List.of("", "{}", "{\"onbekend\": [1, 2")) {
                            MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                    .request(org.springframework.http.HttpMethod.valueOf(method.name()), target)
                                    .with(USERS.get(role)).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
                            checked++;
                            if (result.getResponse().getStatus() != 403 || !MediaType.APPLICATION_PROBLEM_JSON
                                    .isCompatibleWith(MediaType.parseMediaType(result.getResponse().getContentType()))) {
                                wrong.add(role + " " + method + " " + pattern + " body '" + body + "': "
                                        + result.getResponse().getStatus() + " " + result.getResponse().getContentAsString());
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).as("write endpoints walked").isGreaterThan(100);
        assertThat(wrong).isEmpty();
        // The case of the issue: the manager completing a task with a body that would fail validation.
        MvcResult complete = mvc.perform(post("/api/v1/tasks/" + UUID.randomUUID() + "/complete").with(TestUsers.manager())
                .contentType(MediaType.APPLICATION_JSON).content("{\"step\": \"triage\"}")).andReturn();
        assertThat(complete.getResponse().getStatus()).isEqualTo(403);
        assertThat(complete.getResponse().getContentAsString()).doesNotContain("errors", "route");
        // A casework role without this write: the front office may not change a plan, whatever it sends.
        assertThat(mvc.perform(put(url("/plan")).with(TestUsers.frontoffice()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/v1/handovers/" + UUID.randomUUID() + "/decline").with(TestUsers.toegang())
                .contentType(MediaType.APPLICATION_JSON).content("[")).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    /** Whether the endpoint's rule admits the test user's role (the roles of manager, inwoner, deelnemer). */
    private static boolean admits(String method, String pattern, String user) {
        String role = user.equals("deelnemer") ? nl.wijkroute.system.security.Roles.REFLECTIE_DEELNEMER : user;
        String place = pattern.replaceAll("\\{[^}]*}", "{}");
        return nl.wijkroute.system.security.EndpointRules.API.stream().anyMatch(rule -> rule.method().name().equals(method)
                && rule.pattern().replaceAll("\\{[^}]*}", "{}").equals(place) && rule.roles().contains(role));
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlerMappings;

    /** Walks every user: the given status for those named, 403 for every role the endpoint does not admit. */
    /** The rule of EndpointRules this request falls under (there is exactly one for every /api endpoint). */
    private static EndpointRules.Rule ruleOf(MockHttpServletRequestBuilder request) {
        MockHttpServletRequest built = request.buildRequest(new MockServletContext());
        PathContainer path = PathContainer.parsePath(built.getRequestURI());
        return EndpointRules.API.stream()
                .filter(rule -> rule.method().matches(built.getMethod()))
                .filter(rule -> PathPatternParser.defaultInstance.parse(rule.pattern()).matches(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no EndpointRules rule for " + built.getMethod() + " " + path));
    }

    private void expectReads(String suffix, Map<String, Integer> expected) throws Exception {
        expect(get(url(suffix)), expected);
    }

    private void expect(MockHttpServletRequestBuilder request, Map<String, Integer> expected) throws Exception {
        List<String> wrong = new ArrayList<>();
        EndpointRules.Rule rule = ruleOf(request);
        for (var user : USERS.entrySet()) {
            // The matrix and the one rule table agree: a role the endpoint's rule leaves out is expected to get 403.
            if (!rule.roles().contains(ROLES.get(user.getKey())) && expected.getOrDefault(user.getKey(), 403) != 403) {
                wrong.add(user.getKey() + ": expected " + expected.get(user.getKey()) + ", but EndpointRules refuses "
                        + ROLES.get(user.getKey()) + " on " + rule.method() + " " + rule.pattern());
                continue;
            }
            String username = username(user.getKey());
            int granted = logEntries(username, "GRANTED");
            int denied = logEntries(username, "DENIED");
            MvcResult result = mvc.perform(request.with(user.getValue())).andReturn();
            int status = result.getResponse().getStatus();
            int want = expected.getOrDefault(user.getKey(), 403);
            if (status != want) {
                wrong.add(user.getKey() + ": " + status + " (want " + want + ")");
                continue;
            }
            if (want == 200) {
                assertThat(logEntries(username, "GRANTED")).as(user.getKey() + " read is logged").isGreaterThan(granted);
            } else if (want == 404) {
                assertThat(logEntries(username, "DENIED")).as(user.getKey() + " attempt is logged").isEqualTo(denied + 1);
                assertThat(result.getResponse().getContentAsString()).as("a 404 names no household")
                        .doesNotContain("Huishouden");
            }
        }
        assertThat(wrong).as(request.buildRequest(new MockServletContext()).getRequestURI())
                .isEmpty();
    }

    private int logEntries(String username, String outcome) {
        return jdbc.queryForObject("select count(*) from access_log where username = ? and case_id = ? and outcome = ?",
                Integer.class, username, caseId, outcome);
    }

    /** The token's preferred_username of each test user (see TestUsers). */
    private static String username(String key) {
        return switch (key) {
            case "privacy" -> "privacy";
            case "inwoner" -> "inwoner-90019";
            default -> key;
        };
    }

    private List<String> caseIdsOf(String target, RequestPostProcessor user) throws Exception {
        return getJson(target, user).get("items").findValuesAsText("id");
    }

    private String url(String suffix) {
        return "/api/v1/cases/" + caseId + suffix;
    }


    private static void assertStatus(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI() + " "
                + result.getResponse().getContentAsString()).isEqualTo(status);
    }
}
