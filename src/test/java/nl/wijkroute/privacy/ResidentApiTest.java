package nl.wijkroute.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
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

/** The resident's own view: their step, regisseur, plan and who looked at their data; nobody else's. */
class ResidentApiTest extends ApiTestSupport {

    @Test
    void aResidentSeesWhereTheyStandTheirRegisseurPlanAndWhoLooked() throws Exception {
        String bsn = Bsns.random();
        UUID caseId = UUID.fromString(read(postSignal(signal(newHousehold("noord", member("Fleur", "Bos", "1979-05-05", bsn))),
                TestUsers.frontoffice(), UUID.randomUUID().toString())).get("caseId").asText());
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));
        assessFlaggedLeefgebieden(caseId);
        step(caseId, "vraagverheldering", TestUsers.wijkcoach(), Map.of("outcome", "TO_PLAN", "realQuestion", "Rust."));
        agreedPlan(caseId);
        RequestPostProcessor fleur = TestUsers.inwoner(bsn);

        JsonNode me = getJson("/api/v1/me", fleur);
        assertThat(me.get("step").get("stage").asText()).as("the coarse phase (decision 0049)").isEqualTo("ONDERSTEUNING");
        assertThat(me.get("step").get("explanation").asText()).contains("ondersteuning");
        assertThat(me.get("regisseur").get("holderType").asText()).isEqualTo("TEAM");
        assertThat(me.get("regisseur").get("name").asText()).isEqualTo("Wijkteam Noord");
        assertThat(me.get("regisseur").get("phone").asText()).isNotBlank();

        JsonNode plan = getJson("/api/v1/me/plan", fleur);
        assertThat(plan.get("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(plan.get("goals").get(0).get("description").asText()).isEqualTo("Grip op geld");
        assertThat(plan.get("agreement")).isNotNull();

        JsonNode looked = allItems("/api/v1/me/access-log", fleur);
        assertThat(looked.findValuesAsText("role")).contains("frontoffice", "wijkteam").doesNotContain("inwoner");
        assertThat(looked.findValuesAsText("organisation")).contains("team-noord");
        assertThat(looked.toString()).as("employees are named by role and organisation, not by user name")
                .doesNotContain("\"wijkcoach\"");
        assertThat(jdbc.queryForObject("select count(*) from access_log where case_id = ? and user_role = 'inwoner'",
                Integer.class, caseId)).as("the resident's own looks are logged").isEqualTo(3);
    }

    @Test
    void aResidentSeesTheOpenLegalTermsOfTheirOwnHouseholdOnly() throws Exception {
        String bsn = Bsns.random();
        UUID caseId = UUID.fromString(read(postSignal(signal(newHousehold("noord", member("Ruben", "Kok", "1968-02-02", bsn))),
                TestUsers.frontoffice(), UUID.randomUUID().toString())).get("caseId").asText());
        String neighbourBsn = Bsns.random();
        postSignal(signal(newHousehold("noord", member("Sanne", "Kok", "1970-03-03", neighbourBsn))),
                TestUsers.frontoffice(), UUID.randomUUID().toString());
        MvcResult requested = mvc.perform(post("/api/v1/cases/" + caseId + "/toegang").with(TestUsers.wijkcoach())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("law", "WMO", "provision", "Huishoudelijke ondersteuning",
                        "receivedOn", LocalDate.now(MunicipalTime.ZONE).toString())))).andReturn();
        assertThat(requested.getResponse().getStatus()).isEqualTo(201);

        JsonNode terms = getJson("/api/v1/me", TestUsers.inwoner(bsn)).get("openDeadlines");
        assertThat(terms).hasSize(1);
        assertThat(terms.get(0).get("law").asText()).isEqualTo("WMO");
        assertThat(terms.get(0).get("legalBasis").asText()).contains("Wmo 2015");
        assertThat(LocalDate.parse(terms.get(0).get("dueOn").asText())).isAfter(LocalDate.now(MunicipalTime.ZONE));

        JsonNode neighbour = getJson("/api/v1/me", TestUsers.inwoner(neighbourBsn));
        assertThat(neighbour.get("openDeadlines")).as("another household's terms stay theirs").isEmpty();
        assertThat(neighbour.get("step").get("stage").asText()).isEqualTo("TRIAGE");
        assertThat(neighbour.toString()).doesNotContain("Ruben").doesNotContain(caseId.toString());
    }

    @Test
    void aResidentWithoutAKnownHouseholdGets404AndOthersMayNotUseTheResidentView() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/me").with(TestUsers.inwoner(Bsns.random()))).andReturn(), 404);
        assertProblem(mvc.perform(get("/api/v1/me/plan").with(TestUsers.user("inwoner-zonder-bsn", List.of("inwoner"),
                Map.of()))).andReturn(), 404);
        for (RequestPostProcessor user : List.of(TestUsers.wijkcoach(), TestUsers.manager(), TestUsers.privacyOfficer(),
                TestUsers.admin())) {
            assertProblem(mvc.perform(get("/api/v1/me").with(user)).andReturn(), 403);
            assertProblem(mvc.perform(get("/api/v1/me/access-log").with(user)).andReturn(), 403);
        }
    }
}
