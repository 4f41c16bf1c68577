package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

class OpenApiTest extends ApiTestSupport {

    @Test
    void apiDescriptionIsPublicAndDescribesEveryEndpointAndEveryStepInput() throws Exception {
        JsonNode api = read(mvc.perform(get("/v3/api-docs")).andReturn());

        assertThat(api.get("paths").fieldNames()).toIterable().contains("/api/v1/signals", "/api/v1/cases",
                "/api/v1/cases/{id}", "/api/v1/cases/{id}/history", "/api/v1/tasks", "/api/v1/tasks/{id}/claim",
                "/api/v1/tasks/{id}/complete", "/api/v1/tasks/{id}/unclaim");
        JsonNode stepInput = api.get("components").get("schemas").get("StepInput");
        assertThat(stepInput.get("discriminator").get("mapping").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "triage", "veiligheid", "toeleiding", "vraagverheldering", "plan", "regie", "evaluatie", "nazorgControle");
        assertThat(api.get("components").get("schemas").has("CurrentUser")).isFalse();
        assertThat(api.get("components").get("securitySchemes").has("keycloak")).isTrue();
    }

    @Test
    void swaggerUiAndHealthArePublic() throws Exception {
        assertThat(mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

}
