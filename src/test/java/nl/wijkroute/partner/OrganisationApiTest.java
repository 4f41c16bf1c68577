package nl.wijkroute.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class OrganisationApiTest extends ApiTestSupport {

    @Test
    void adminRegistersChangesAndDeactivatesAPartner() throws Exception {
        String id = "ggz-" + UUID.randomUUID().toString().substring(0, 8);
        MvcResult created = send(post("/api/v1/organisations"), TestUsers.admin(), Map.of("id", id, "name", "GGZ Test", "type", "GGZ"));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/organisations/" + id);

        MvcResult changed = send(put("/api/v1/organisations/" + id), TestUsers.admin(),
                Map.of("id", id, "name", "GGZ Test-Noord", "type", "GGZ", "active", false));
        assertThat(changed.getResponse().getStatus()).isEqualTo(200);
        assertThat(read(changed).get("active").asBoolean()).isFalse();
        assertThat(allItems("/api/v1/organisations", TestUsers.wijkcoach()).findValuesAsText("name")).contains("GGZ Test-Noord");
    }

    @Test
    void badOrganisationsAreRefusedByField() throws Exception {
        Map<String, Integer> before = organisationCount();
        assertProblem(send(post("/api/v1/organisations"), TestUsers.admin(), Map.of("id", "Niet Goed!", "name", "X", "type", "GGZ")), 400, "id");
        assertProblem(send(post("/api/v1/organisations"), TestUsers.admin(), Map.of("id", "x-y", "name", "X", "type", "KAPPER")), 400, "type");
        assertProblem(send(post("/api/v1/organisations"), TestUsers.admin(), Map.of("id", "x-y", "type", "GGZ")), 400, "name");
        assertProblem(send(put("/api/v1/organisations/x-y"), TestUsers.admin(), Map.of("id", "y-z", "name", "X", "type", "GGZ")), 400, "id");
        assertProblem(send(put("/api/v1/organisations/bestaat-niet"), TestUsers.admin(), Map.of("id", "bestaat-niet", "name", "X", "type", "GGZ")), 404);
        assertThat(organisationCount()).isEqualTo(before);
    }

    @Test
    void anOrganisationCannotTakeTheIdOfATeam() throws Exception {
        // Handover receivers name organisations and teams in one namespace (V39): an organisation called
        // like a team would give its partner users scope on the cases handed back to that team.
        Map<String, Integer> before = organisationCount();
        assertProblem(send(post("/api/v1/organisations"), TestUsers.admin(), Map.of("id", "team-noord", "name", "Nep", "type", "GGZ")),
                400, "id");
        assertThat(organisationCount()).isEqualTo(before);
        assertThatThrownBy(() -> jdbc.update("insert into organisation (id, name, type) values ('team-noord', 'Nep', 'GGZ')"))
                .as("the database refuses it too").isInstanceOf(DataIntegrityViolationException.class);
        assertThat(organisationCount()).isEqualTo(before);
    }

    @Test
    void anOrganisationIsRegisteredOnce() throws Exception {
        String id = "dubbel-" + UUID.randomUUID().toString().substring(0, 8);
        send(post("/api/v1/organisations"), TestUsers.admin(), Map.of("id", id, "name", "Eerste", "type", "SCHULDHULP"));
        assertProblem(send(post("/api/v1/organisations"), TestUsers.admin(), Map.of("id", id, "name", "Tweede", "type", "SCHULDHULP")), 409);
    }

    @Test
    void onlyAdminManagesPartnersAndAnonymousSeesNothing() throws Exception {
        for (RequestPostProcessor user : new RequestPostProcessor[] {TestUsers.wijkcoach(), TestUsers.manager(), TestUsers.partnerGgz()}) {
            assertProblem(send(post("/api/v1/organisations"), user, Map.of("id", "nope", "name", "X", "type", "GGZ")), 403);
        }
        assertProblem(mvc.perform(get("/api/v1/organisations")).andReturn(), 401);
    }

    private Map<String, Integer> organisationCount() {
        return Map.of("organisation", jdbc.queryForObject("select count(*) from organisation", Integer.class));
    }

}
