package nl.wijkroute.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.Bsns;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;

class CaseApiTest extends ApiTestSupport {

    @Test
    void casesCanBeFilteredByStageTeamAndWijkAndArePaged() throws Exception {
        UUID noord = openCaseInNoord();
        UUID zuid = UUID.fromString(read(postSignal(signal(newHousehold("haven")), TestUsers.frontoffice(),
                UUID.randomUUID().toString())).get("caseId").asText());

        // The front office works the front door of every team, so it sees both while they are at triage.
        assertThat(caseIds("/api/v1/cases?team=team-noord&size=100")).contains(noord.toString()).doesNotContain(zuid.toString());
        assertThat(caseIds("/api/v1/cases?wijk=haven&size=100")).contains(zuid.toString()).doesNotContain(noord.toString());
        assertThat(caseIds("/api/v1/cases?stage=TRIAGE&size=100")).contains(noord.toString(), zuid.toString());
        assertThat(caseIds("/api/v1/cases?stage=PLAN&size=100")).doesNotContain(noord.toString(), zuid.toString());

        JsonNode page = getJson("/api/v1/cases?size=1&page=0", TestUsers.wijkcoach());
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("totalPages").asInt()).isEqualTo(page.get("totalItems").asInt());
    }

    @Test
    void caseFileShowsHouseholdButNeverTheBsn() throws Exception {
        String bsn = Bsns.random();
        JsonNode registered = read(postSignal(signal(newHousehold("noord", member("Karima", "Haddou", "1988-08-08", bsn))),
                TestUsers.frontoffice(), UUID.randomUUID().toString()));
        var response = mvc.perform(get("/api/v1/cases/" + registered.get("caseId").asText()).with(TestUsers.wijkcoach()))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).doesNotContain(bsn);
        JsonNode member = read(mvc.perform(get("/api/v1/cases/" + registered.get("caseId").asText())
                .with(TestUsers.wijkcoach())).andReturn()).get("household").get("members").get(0);
        assertThat(member.get("givenName").asText()).isEqualTo("Karima");
        assertThat(member.get("bsnKnown").asBoolean()).isTrue();
    }

    @Test
    void unknownCaseIsNotFoundAndAMalformedIdIsABadRequest() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/cases/" + UUID.randomUUID()).with(TestUsers.wijkcoach())).andReturn(), 404);
        assertProblem(mvc.perform(get("/api/v1/cases/" + UUID.randomUUID() + "/history").with(TestUsers.wijkcoach())).andReturn(), 404);
        assertProblem(mvc.perform(get("/api/v1/cases/not-a-uuid").with(TestUsers.wijkcoach())).andReturn(), 400, "id");
    }

    @Test
    void badFiltersAndPagesAreNamed() throws Exception {
        assertProblem(mvc.perform(get("/api/v1/cases?stage=KOFFIE").with(TestUsers.wijkcoach())).andReturn(), 400, "stage");
        assertProblem(mvc.perform(get("/api/v1/cases?size=1000").with(TestUsers.wijkcoach())).andReturn(), 400, "size");
        assertProblem(mvc.perform(get("/api/v1/cases?page=-1").with(TestUsers.wijkcoach())).andReturn(), 400, "page");
    }

    @Test
    void managersPartnersAndAdminsDoNotSeeHouseholds() throws Exception {
        UUID caseId = openCaseInNoord();
        for (var user : List.of(TestUsers.manager(), TestUsers.partnerGgz(), TestUsers.admin())) {
            assertProblem(mvc.perform(get("/api/v1/cases").with(user)).andReturn(), 403);
            assertProblem(mvc.perform(get("/api/v1/cases/" + caseId).with(user)).andReturn(), 403);
        }
        // A partner may follow the route of a household they are involved with; this one they are not.
        assertProblem(mvc.perform(get("/api/v1/cases/" + caseId + "/history").with(TestUsers.partnerGgz())).andReturn(), 404);
        assertProblem(mvc.perform(get("/api/v1/cases/" + caseId + "/history").with(TestUsers.manager())).andReturn(), 403);
        assertProblem(mvc.perform(get("/api/v1/cases/" + caseId)).andReturn(), 401);
    }

    private List<String> caseIds(String url) throws Exception {
        return getJson(url, TestUsers.frontoffice()).get("items").findValuesAsText("id");
    }
}
