package nl.wijkroute.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
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
import nl.wijkroute.support.Bsns;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 17 item 4: the resident view shows a member their own data and what the plan shares with the whole
 * household, and on a case with a safety concern it names neither safety, Veilig Thuis nor the meldcode, nor
 * the regisseur — until the team marks the case safe to show. Two members of one household each time; in the
 * safety case one of them is the possible perpetrator.
 */
class ResidentMembersAndSafetyApiTest extends ApiTestSupport {

    private static final String VEILIG_THUIS = "veilig-thuis";

    @Autowired
    OrganisationService organisations;

    @Test
    void eachMemberSeesOnlyTheirOwnGoalsAndTermsAndWhatIsSharedWithTheHousehold() throws Exception {
        String fleurBsn = Bsns.random();
        String keesBsn = Bsns.random();
        UUID caseId = openCase(signal(newHousehold("noord", member("Fleur", "Bos", "1979-05-05", fleurBsn),
                member("Kees", "Bos", "1977-01-01", keesBsn))));
        RequestPostProcessor coach = TestUsers.wijkcoach();
        step(caseId, "triage", coach, triage("FULL_ROUTE", "MULTIPLE", false, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", coach, Map.of("outcome", "TO_PLAN", "realQuestion", "Rust."));
        Map<String, String> members = memberIds(caseId);
        JsonNode plan = createPlan(caseId, List.of(
                goal("FINANCIEN", null, "Rust in de huishoudpot", null, "Budgetplan", "HOUSEHOLD", null),
                goal("WERK_EN_OPLEIDING", members.get("Fleur"), "Fleur vindt werk", null, "Sollicitatietraining",
                        "HOUSEHOLD", null),
                goal("FINANCIEN", members.get("Kees"), "Kees naar de schuldhulp", true, "Aanmelden", "HOUSEHOLD", null),
                goal("GEESTELIJKE_GEZONDHEID", members.get("Kees"), "Kees in behandeling", null, "Intake",
                        "HOUSEHOLD", null)),
                "Kees wil niet dat Fleur van de behandeling weet.");
        assertThat(plan.get("goals").findValuesAsText("sharedWithHousehold"))
                .as("default: a goal about one member is theirs; a goal without member is the household's; set: as set")
                .containsExactly("true", "false", "true", "false");
        UUID fleursAction = UUID.fromString(plan.get("goals").get(1).get("actions").get(0).get("id").asText());
        MvcResult toegang = send(post("/api/v1/cases/" + caseId + "/toegang"), coach, Map.of("law", "WMO",
                "provision", "Begeleiding naar werk", "planActionId", fleursAction.toString(),
                "receivedOn", LocalDate.now(MunicipalTime.ZONE).toString()));
        assertThat(toegang.getResponse().getStatus()).as(toegang.getResponse().getContentAsString()).isEqualTo(201);

        JsonNode fleurPlan = getJson("/api/v1/me/plan", TestUsers.inwoner(fleurBsn));
        assertThat(goalDescriptions(fleurPlan))
                .containsExactly("Rust in de huishoudpot", "Fleur vindt werk", "Kees naar de schuldhulp");
        assertThat(fleurPlan.toString()).doesNotContain("behandeling").doesNotContain("Intake")
                .as("the team's note on the whole plan may speak of any member").doesNotContain("niet dat Fleur");
        JsonNode keesPlan = getJson("/api/v1/me/plan", TestUsers.inwoner(keesBsn));
        assertThat(goalDescriptions(keesPlan))
                .containsExactly("Rust in de huishoudpot", "Kees naar de schuldhulp", "Kees in behandeling");
        assertThat(keesPlan.toString()).doesNotContain("Fleur vindt werk").doesNotContain("Sollicitatietraining");

        assertThat(getJson("/api/v1/me", TestUsers.inwoner(fleurBsn)).get("openDeadlines").findValuesAsText("law"))
                .as("the term of Fleur's own request").containsExactly("WMO");
        assertThat(getJson("/api/v1/me", TestUsers.inwoner(keesBsn)).get("openDeadlines"))
                .as("a request for a goal about Fleur alone is not Kees's business").isEmpty();
        JsonNode teamView = getJson("/api/v1/cases/" + caseId + "/plan", coach);
        assertThat(teamView.get("goals")).as("the team sees the whole plan").hasSize(4);
    }

    @Test
    void onACaseWithASafetyConcernNeitherMemberLearnsOfItUntilTheTeamMarksItSafeToShow() throws Exception {
        organisations.ensure(VEILIG_THUIS, "Veilig Thuis", OrganisationType.VEILIG_THUIS);
        String miraBsn = Bsns.random();
        String robBsn = Bsns.random(); // the possible perpetrator
        Map<String, Object> signal = signal(newHousehold("noord", member("Mira", "Smit", "1988-08-08", miraBsn),
                member("Rob", "Smit", "1985-05-05", robBsn)));
        signal.put("description", "Buren horen geschreeuw; zorg om huiselijk geweld.");
        signal.put("leefgebieden", List.of("VEILIGHEID", "HUISELIJKE_RELATIES"));
        signal.put("urgency", "CRISIS");
        signal.put("safetyConcern", true);
        UUID caseId = openCase(signal);
        RequestPostProcessor coach = TestUsers.wijkcoach();
        step(caseId, "triage", coach, triage("SAFETY_FIRST", "MULTIPLE", true, "Meldcode: signalen in kaart."));
        RequestPostProcessor mira = TestUsers.inwoner(miraBsn);
        RequestPostProcessor rob = TestUsers.inwoner(robBsn);

        for (RequestPostProcessor member : List.of(mira, rob)) {
            JsonNode me = getJson("/api/v1/me", member);
            assertThat(me.get("step").get("stage").asText()).as("at the veiligheid step").isEqualTo("ONDERSTEUNING");
            assertNothingNamesSafety(me);
        }

        recordMeldcodeDecision(caseId, "HULP_ORGANISEREN");
        step(caseId, "veiligheid", coach, outcome("CONTINUE_FULL_ROUTE", "Veilig Thuis adviseert; meldcode stap 5: hulp organiseren."));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", coach, Map.of("outcome", "TO_PLAN", "realQuestion", "Veilig thuis samenleven."));
        createPlan(caseId, List.of(
                goal("HUISELIJKE_RELATIES", null, "Rustig samen thuis", null, "Gezinsgesprekken", "WIJKTEAM", null),
                goal("VEILIGHEID", null, "Veiligheidsplan nakomen", null, "Afspraken uit de meldcode", "PARTNER",
                        VEILIG_THUIS)), "Meldcode gevolgd.");
        agree(caseId, 1);
        // The case had a safety concern: the plan step asks per member whether everyone is safe now (decision 0048).
        List<Map<String, Object>> everyoneSafe = new ArrayList<>();
        getJson("/api/v1/cases/" + caseId, coach).get("household").get("members").forEach(member -> everyoneSafe.add(
                Map.of("memberId", member.get("id").asText(), "safe", true, "howWeKnow", "Apart gesproken, afspraken nagekomen.")));
        step(caseId, "plan", coach, Map.of("outcome", "TO_REGIE", "firstEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(4).toString(),
                "safetyCheck", everyoneSafe));
        assertThat(getJson("/api/v1/cases/" + caseId + "/plan", TestUsers.user("partner-vt", List.of("partner"),
                Map.of("organisation", VEILIG_THUIS))).get("goals")).as("Veilig Thuis looked at the plan").isNotEmpty();
        // Another team's worker opens the case by break-the-glass: used in urgent safety situations, so it hints too.
        MvcResult glass = send(post("/api/v1/break-glass"), TestUsers.wijkcoach2(), Map.of("caseId", caseId.toString(),
                "reason", "Melding acute onveiligheid, eigen team niet bereikbaar"));
        assertThat(glass.getResponse().getStatus()).as(glass.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach2()).get("id").asText()).isEqualTo(caseId.toString());

        List<String> overviews = new ArrayList<>();
        for (RequestPostProcessor member : List.of(mira, rob)) {
            JsonNode me = getJson("/api/v1/me", member);
            assertThat(me.get("step").get("stage").asText()).as("in regie").isEqualTo("ONDERSTEUNING");
            assertThat(me.get("regisseur").get("name").asText()).as("shown as on every case").isEqualTo("Wijkteam Noord");
            assertNothingNamesSafety(me);
            JsonNode plan = getJson("/api/v1/me/plan", member);
            assertThat(goalDescriptions(plan)).containsExactly("Rustig samen thuis");
            assertNothingNamesSafety(plan);
            JsonNode looked = allItems("/api/v1/me/access-log", member);
            assertThat(looked.findValuesAsText("role")).contains("wijkteam");
            assertNothingNamesSafety(looked);
            overviews.add(me.toString());
        }
        assertThat(overviews.get(1)).as("the possible perpetrator sees exactly what the other member sees").isEqualTo(overviews.get(0));
        List<String> ordinaryFields = new ArrayList<>();
        getJson("/api/v1/me", TestUsers.inwoner(householdWithoutConcern())).fieldNames().forEachRemaining(ordinaryFields::add);
        List<String> maskedFields = new ArrayList<>();
        json.readTree(overviews.get(0)).fieldNames().forEachRemaining(maskedFields::add);
        assertThat(ordinaryFields).as("no field of its own that would give the concern away").containsAll(maskedFields);

        // The team decides the household may see the step again, with the reason; only the team, and it is logged.
        Map<String, Object> safe = Map.of("safeToShow", true, "reason", "Veiligheidsplan werkt; besproken met Mira.");
        assertProblem(send(put("/api/v1/cases/" + caseId + "/resident-view"), coach, Map.of("safeToShow", true)), 400, "reason");
        assertProblem(send(put("/api/v1/cases/" + caseId + "/resident-view"), coach, Map.of("reason", "Zo is het.")), 400,
                "safeToShow");
        assertProblem(send(put("/api/v1/cases/" + caseId + "/resident-view"), coach, Map.of("safeToShow", true,
                "reason", " ")), 400, "reason");
        // Another team's worker read the case by break-the-glass; deciding is still the own team's.
        assertProblem(send(put("/api/v1/cases/" + caseId + "/resident-view"), TestUsers.wijkcoach2(), safe), 403);
        for (RequestPostProcessor notTheTeam : List.of(TestUsers.frontoffice(), TestUsers.procesregisseur(), TestUsers.toegang(),
                TestUsers.partnerGgz(), mira, TestUsers.manager())) {
            assertProblem(send(put("/api/v1/cases/" + caseId + "/resident-view"), notTheTeam, safe), 403);
        }
        assertThat(getJson("/api/v1/me", rob).get("step").get("stage").asText()).isEqualTo("ONDERSTEUNING");
        int logged = jdbc.queryForObject("select count(*) from access_log where case_id = ? and username = 'wijkcoach' "
                + "and data_category = 'CASE_FILE' and action = 'UPDATE' and outcome = 'GRANTED'", Integer.class, caseId);
        MvcResult marked = send(put("/api/v1/cases/" + caseId + "/resident-view"), coach, safe);
        assertThat(marked.getResponse().getStatus()).as(marked.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(read(marked).get("safeToShow").asBoolean()).isTrue();
        assertThat(read(marked).get("reason").asText()).isEqualTo("Veiligheidsplan werkt; besproken met Mira.");
        assertThat(jdbc.queryForObject("select count(*) from access_log where case_id = ? and username = 'wijkcoach' "
                + "and data_category = 'CASE_FILE' and action = 'UPDATE' and outcome = 'GRANTED'", Integer.class, caseId))
                .as("the marking is access-logged").isEqualTo(logged + 1);

        for (RequestPostProcessor member : List.of(mira, rob)) {
            JsonNode me = getJson("/api/v1/me", member);
            assertThat(me.get("step").get("stage").asText()).as("every household sees the coarse phase").isEqualTo("ONDERSTEUNING");
            assertThat(me.get("regisseur").get("name").asText()).isEqualTo("Wijkteam Noord");
            assertThat(getJson("/api/v1/me/plan", member).get("goals")).hasSize(2);
            assertThat(allItems("/api/v1/me/access-log", member).findValuesAsText("category")).contains("SAFETY");
        }

        // The team can take it back: the view hides the concern again.
        MvcResult withdrawn = send(put("/api/v1/cases/" + caseId + "/resident-view"), coach,
                Map.of("safeToShow", false, "reason", "Nieuwe zorgen."));
        assertThat(withdrawn.getResponse().getStatus()).as(withdrawn.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(getJson("/api/v1/me/plan", rob).get("goals")).hasSize(1);
        assertNothingNamesSafety(allItems("/api/v1/me/access-log", rob));
    }

    @Test
    void anEarlierClosedCaseWithAConcernKeepsSafetyOutOfTheAccessLogOfTheHouseholdsNextCase() throws Exception {
        String bsn = Bsns.random();
        Map<String, Object> first = signal(newHousehold("noord", member("Noor", "Visser", "1992-02-02", bsn)));
        first.put("safetyConcern", true);
        JsonNode registered = read(postSignal(first, TestUsers.frontoffice(), UUID.randomUUID().toString()));
        UUID closedCase = UUID.fromString(registered.get("caseId").asText());
        MvcResult meldcode = mvc.perform(get("/api/v1/cases/" + closedCase + "/meldcode").with(TestUsers.wijkcoach())).andReturn();
        assertThat(meldcode.getResponse().getStatus()).as(meldcode.getResponse().getContentAsString()).isEqualTo(200);
        step(closedCase, "triage", TestUsers.wijkcoach(), triage("CLOSE_NO_HELP", "NONE", false, "Advies gegeven."));
        Map<String, Object> next = signal(null);
        next.remove("household");
        next.put("householdId", registered.get("householdId").asText());
        JsonNode nextCase = read(postSignal(next, TestUsers.frontoffice(), UUID.randomUUID().toString()));
        assertThat(nextCase.get("caseId").asText()).as("a new case").isNotEqualTo(closedCase.toString());

        JsonNode looked = allItems("/api/v1/me/access-log", TestUsers.inwoner(bsn));
        assertThat(looked.findValuesAsText("role")).contains("wijkteam", "frontoffice");
        assertNothingNamesSafety(looked);
    }

    @Test
    void aCaseWithAConcernLooksExactlyLikeAnOrdinaryCaseAtTheSamePhase() throws Exception {
        String ordinaryBsn = Bsns.random();
        regieCase(ordinaryBsn);
        String concernBsn = Bsns.random();
        UUID concernCase = regieCase(concernBsn);
        JsonNode before = getJson("/api/v1/me", TestUsers.inwoner(concernBsn));

        // Mid-way a new signal with a safety concern arrives on the open case.
        Map<String, Object> worry = signal(null);
        worry.remove("household");
        worry.put("householdId", getJson("/api/v1/cases/" + concernCase, TestUsers.wijkcoach()).get("household").get("id").asText());
        worry.put("safetyConcern", true);
        worry.put("description", "School maakt zich zorgen over de veiligheid thuis.");
        MvcResult appended = postSignal(worry, TestUsers.frontoffice(), UUID.randomUUID().toString());
        assertThat(appended.getResponse().getStatus()).as(appended.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from signal where case_id = ? and safety_concern", Integer.class,
                concernCase)).as("on the open case").isEqualTo(1);

        JsonNode concern = getJson("/api/v1/me", TestUsers.inwoner(concernBsn));
        JsonNode ordinary = getJson("/api/v1/me", TestUsers.inwoner(ordinaryBsn));
        assertThat(concern.get("step").get("stage").asText()).isEqualTo("ONDERSTEUNING");
        assertThat(concern.get("step")).as("the same step as before the signal, since included").isEqualTo(before.get("step"));
        assertNothingNamesSafety(concern);
        assertThat(comparable(concern)).as("same fields, same values but the household and the date")
                .isEqualTo(comparable(ordinary));
    }

    /** The overview without what differs between any two households: the name and the date. */
    private static JsonNode comparable(JsonNode overview) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = overview.deepCopy();
        copy.remove("household");
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("step")).remove("since");
        return copy;
    }

    /** A one-member household (with this BSN) of team-noord in regie, as {@link #caseInRegie()} brings it there. */
    private UUID regieCase(String bsn) throws Exception {
        UUID caseId = openCase(signal(newHousehold("noord", member("Iris", "Mol", "1983-03-03", bsn))));
        RequestPostProcessor coach = TestUsers.wijkcoach();
        step(caseId, "triage", coach, triage("FULL_ROUTE", "MULTIPLE", false, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", coach, Map.of("outcome", "TO_PLAN", "realQuestion", "Grip op geld."));
        agreedPlan(caseId);
        step(caseId, "plan", coach, Map.of("outcome", "TO_REGIE", "firstEvaluationDate", LocalDate.now(MunicipalTime.ZONE).plusWeeks(4).toString()));
        return caseId;
    }

    @Test
    void aMemberOfAnotherHouseholdAndAStrangerSeeNothingOfIt() throws Exception {
        String bsn = Bsns.random();
        Map<String, Object> signal = signal(newHousehold("noord", member("Lot", "Jansen", "1990-01-01", bsn)));
        signal.put("safetyConcern", true);
        signal.put("leefgebieden", List.of("VEILIGHEID"));
        UUID caseId = openCase(signal);
        String neighbour = householdWithoutConcern();
        JsonNode other = getJson("/api/v1/me", TestUsers.inwoner(neighbour));
        assertThat(other.toString()).doesNotContain(caseId.toString()).doesNotContain("Lot");
        assertThat(other.get("step").get("stage").asText()).as("a household without a concern sees its step").isEqualTo("TRIAGE");
        assertProblem(mvc.perform(get("/api/v1/me").with(TestUsers.inwoner(Bsns.random()))).andReturn(), 404);
        assertProblem(send(put("/api/v1/cases/" + UUID.randomUUID() + "/resident-view"), TestUsers.wijkcoach(),
                Map.of("safeToShow", true, "reason", "Veilig.")), 404);
        assertProblem(mvc.perform(put("/api/v1/cases/" + caseId + "/resident-view").with(TestUsers.wijkcoach())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"safeToShow\": \"ja\"}"))
                .andReturn(), 400);
        // A worker of another team who opened the case by break-the-glass may read it, not open it up to the household.
        MvcResult glass = send(post("/api/v1/break-glass"), TestUsers.wijkcoach2(), Map.of("caseId", caseId.toString(),
                "reason", "Melding acute onveiligheid, eigen team niet bereikbaar"));
        assertThat(glass.getResponse().getStatus()).as(glass.getResponse().getContentAsString()).isEqualTo(201);
        assertProblem(send(put("/api/v1/cases/" + caseId + "/resident-view"), TestUsers.wijkcoach2(),
                Map.of("safeToShow", true, "reason", "Veilig.")), 403);
        assertThat(jdbc.queryForObject("select count(*) from resident_view_disclosure where case_id = ?", Integer.class, caseId))
                .as("no decision was recorded").isZero();
    }

    private static List<String> goalDescriptions(JsonNode plan) {
        List<String> descriptions = new ArrayList<>();
        plan.get("goals").forEach(goal -> descriptions.add(goal.get("description").asText()));
        return descriptions;
    }

    private static void assertNothingNamesSafety(JsonNode view) {
        String text = view.toString();
        assertThat(text.toUpperCase()).as(text).doesNotContain("VEILIG");
        assertThat(text.toUpperCase()).as(text).doesNotContain("SAFETY");
        assertThat(text.toLowerCase()).as(text).doesNotContain("meldcode").doesNotContain("veilig thuis")
                .doesNotContain("veilig-thuis").doesNotContain("\"breakglass\":true");
    }

    /** A household of one member at triage with no safety concern; returns the member's BSN. */
    private String householdWithoutConcern() throws Exception {
        String bsn = Bsns.random();
        openCase(signal(newHousehold("noord", member("Bart", "Dijk", "1970-07-07", bsn))));
        return bsn;
    }

    private UUID openCase(Map<String, Object> signal) throws Exception {
        MvcResult result = postSignal(signal, TestUsers.frontoffice(), UUID.randomUUID().toString());
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return UUID.fromString(read(result).get("caseId").asText());
    }

    private Map<String, String> memberIds(UUID caseId) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode member : getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("household").get("members")) {
            ids.put(member.get("givenName").asText(), member.get("id").asText());
        }
        return ids;
    }

    private static Map<String, Object> goal(String leefgebied, String memberId, String description, Boolean shared,
                                            String action, String ownerType, String organisationId) {
        Map<String, Object> actionBody = new LinkedHashMap<>();
        actionBody.put("description", action);
        actionBody.put("ownerType", ownerType);
        actionBody.put("status", "PLANNED");
        if (organisationId != null) {
            actionBody.put("organisationId", organisationId);
        }
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("leefgebied", leefgebied);
        if (memberId != null) {
            goal.put("memberId", memberId);
        }
        goal.put("description", description);
        goal.put("result", "Bereikt over een half jaar");
        goal.put("targetDate", LocalDate.now(MunicipalTime.ZONE).plusMonths(6).toString());
        if (shared != null) {
            goal.put("sharedWithHousehold", shared);
        }
        goal.put("actions", List.of(actionBody));
        return goal;
    }

    private JsonNode createPlan(UUID caseId, List<Map<String, Object>> goals, String changeNote) throws Exception {
        MvcResult created = send(post("/api/v1/cases/" + caseId + "/plan"), TestUsers.wijkcoach(),
                Map.of("goals", goals, "changeNote", changeNote));
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        return read(created);
    }

    private void agree(UUID caseId, int version) throws Exception {
        MvcResult agreed = send(post("/api/v1/cases/" + caseId + "/plan/agreement"), TestUsers.wijkcoach(),
                Map.of("basedOnVersion", version, "agreedAt", Instant.now().minusSeconds(60).toString(),
                        "form", "IN_GESPREK", "agreedBy", "Mira Smit"));
        assertThat(agreed.getResponse().getStatus()).as(agreed.getResponse().getContentAsString()).isEqualTo(200);
    }
}
