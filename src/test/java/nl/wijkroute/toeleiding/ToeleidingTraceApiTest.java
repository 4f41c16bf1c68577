package nl.wijkroute.toeleiding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import nl.wijkroute.system.MunicipalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.partner.OrganisationType;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** Issue 16.4: the short route's "connected to" and the use of the voorliggend veld are kept, shown, and seen by toegang. */
class ToeleidingTraceApiTest extends ApiTestSupport {

    @Autowired
    OrganisationService organisations;

    @BeforeEach
    void register() {
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
        organisations.ensure("welzijn-oost", "Welzijn Oost", OrganisationType.WELZIJN_MAATSCHAPPELIJK_WERK);
    }

    @Test
    void aVoorzieningInTheVoorliggendVeldIsStoredAndShownInTheCaseFile() throws Exception {
        UUID caseId = shortRoute();
        step(caseId, "toeleiding", TestUsers.wijkcoach(), Map.of("outcome", "CONNECTED", "connectedTo", "Formulierenhulp bibliotheek"));

        JsonNode toeleiding = getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("toeleiding");

        assertThat(toeleiding).hasSize(1);
        assertThat(toeleiding.get(0).get("outcome").asText()).isEqualTo("CONNECTED");
        assertThat(toeleiding.get(0).get("connectionKind").asText()).isEqualTo("VOORZIENING");
        assertThat(toeleiding.get(0).get("connectedTo").asText()).isEqualTo("Formulierenhulp bibliotheek");
        assertThat(toeleiding.get(0).get("inVoorliggendVeld").asBoolean()).isTrue();
        assertThat(toeleiding.get(0).get("voorliggendVeldUsed").asBoolean()).as("a voorziening there is using it").isTrue();
        assertThat(toeleiding.get(0).get("recordedBy").asText()).isEqualTo("wijkcoach");
    }

    @Test
    void aPartnerFromTheRegisterIsStoredWithItsNameAndWhetherTheVoorliggendVeldCameFirst() throws Exception {
        UUID ggz = shortRoute();
        step(ggz, "toeleiding", TestUsers.wijkcoach(), Map.of("outcome", "CONNECTED", "connectedOrganisationId", "ggz-breburg",
                "voorliggendVeldUsed", false));
        UUID welzijn = shortRoute();
        step(welzijn, "toeleiding", TestUsers.wijkcoach(), Map.of("outcome", "CONNECTED", "connectedOrganisationId", "welzijn-oost"));

        JsonNode toGgz = getJson("/api/v1/cases/" + ggz, TestUsers.wijkcoach()).get("toeleiding").get(0);
        assertThat(toGgz.get("connectionKind").asText()).isEqualTo("ORGANISATION");
        assertThat(toGgz.get("organisationId").asText()).isEqualTo("ggz-breburg");
        assertThat(toGgz.get("connectedTo").asText()).isEqualTo("GGZ Breburg");
        assertThat(toGgz.get("inVoorliggendVeld").asBoolean()).isFalse();
        assertThat(toGgz.get("voorliggendVeldUsed").asBoolean()).isFalse();
        JsonNode toWelzijn = getJson("/api/v1/cases/" + welzijn, TestUsers.wijkcoach()).get("toeleiding").get(0);
        assertThat(toWelzijn.get("inVoorliggendVeld").asBoolean()).as("welzijn is the voorliggend veld").isTrue();
        assertThat(toWelzijn.get("voorliggendVeldUsed").asBoolean()).isTrue();
    }

    @Test
    void toegangSeesTheToeleidingsTraceWhenItReceivesARequest() throws Exception {
        UUID caseId = shortRoute();
        step(caseId, "toeleiding", TestUsers.wijkcoach(), Map.of("outcome", "NEEDS_FULL_ROUTE", "voorliggendVeldUsed", true,
                "reason", "Maatjesproject en formulierenhulp geprobeerd; de vraag blijkt breder."));

        MvcResult requested = send(post("/api/v1/cases/" + caseId + "/toegang"), TestUsers.wijkcoach(), Map.of("law", "WMO",
                "provision", "Begeleiding", "receivedOn", LocalDate.now(MunicipalTime.ZONE).toString()));
        assertThat(requested.getResponse().getStatus()).as(requested.getResponse().getContentAsString()).isEqualTo(201);
        String id = read(requested).get("id").asText();

        JsonNode single = getJson("/api/v1/toegang/" + id, TestUsers.toegang()).get("toeleiding");
        assertThat(single).hasSize(1);
        assertThat(single.get(0).get("outcome").asText()).isEqualTo("NEEDS_FULL_ROUTE");
        assertThat(single.get(0).get("voorliggendVeldUsed").asBoolean()).isTrue();
        JsonNode inQueue = null;
        for (JsonNode request : allItems("/api/v1/toegang", TestUsers.toegang())) {
            if (request.get("id").asText().equals(id)) {
                inQueue = request;
            }
        }
        assertThat(inQueue).as("the request is in the toegang queue").isNotNull();
        assertThat(inQueue.get("toeleiding").get(0).get("voorliggendVeldUsed").asBoolean()).isTrue();
        assertThat(getJson("/api/v1/cases/" + caseId + "/toegang", TestUsers.toegang()).get(0).get("toeleiding")).hasSize(1);
    }

    @Test
    void aTraceThatSaysNothingOrContradictsItselfIsRefusedByField() throws Exception {
        UUID caseId = shortRoute();
        String taskId = openTask(caseId, "toeleiding");
        claim(taskId, TestUsers.wijkcoach());
        Map<String, Integer> before = rowCounts();
        int traces = traces();

        assertProblem(toeleiding(taskId, Map.of("outcome", "CONNECTED")), 400, "connectedTo");
        assertProblem(toeleiding(taskId, Map.of("outcome", "CONNECTED", "connectedTo", "Voedselbank",
                "connectedOrganisationId", "ggz-breburg")), 400, "connectedOrganisationId");
        assertProblem(toeleiding(taskId, Map.of("outcome", "CONNECTED", "connectedOrganisationId", "bestaat-niet",
                "voorliggendVeldUsed", true)), 400, "connectedOrganisationId");
        assertProblem(toeleiding(taskId, Map.of("outcome", "CONNECTED", "connectedOrganisationId", "ggz-breburg")), 400,
                "voorliggendVeldUsed");
        assertProblem(toeleiding(taskId, Map.of("outcome", "CONNECTED", "connectedTo", "Voedselbank",
                "voorliggendVeldUsed", false)), 400, "voorliggendVeldUsed");
        assertProblem(toeleiding(taskId, Map.of("outcome", "NEEDS_FULL_ROUTE", "reason", "Breder dan gedacht.")), 400,
                "voorliggendVeldUsed");
        assertProblem(toeleiding(taskId, Map.of("outcome", "NEEDS_FULL_ROUTE", "reason", "Breder dan gedacht.",
                "voorliggendVeldUsed", true, "connectedTo", "Voedselbank")), 400, "connectedTo");

        assertThat(rowCounts()).isEqualTo(before);
        assertThat(traces()).isEqualTo(traces);
        assertThat(getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach()).get("currentStage").asText()).isEqualTo("TOELEIDING");
    }

    private UUID shortRoute() throws Exception {
        UUID caseId = openCaseInNoord();
        step(caseId, "triage", TestUsers.frontoffice(), triage("SHORT_ROUTE", "SINGLE", false, null));
        return caseId;
    }

    private MvcResult toeleiding(String taskId, Map<String, Object> input) throws Exception {
        Map<String, Object> body = new HashMap<>(input);
        body.put("step", "toeleiding");
        return complete(taskId, TestUsers.wijkcoach(), body);
    }

    private int traces() {
        return jdbc.queryForObject("select count(*) from toeleiding_trace", Integer.class);
    }
}
