package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
                "triage", "veiligheid", "toeleiding", "vraagverheldering", "plan", "regie", "evaluatie", "nazorgControle",
                "veiligThuisAanZet", "veiligheidNieuwSignaal");
        assertThat(api.get("components").get("schemas").has("CurrentUser")).isFalse();
        assertThat(api.get("components").get("securitySchemes").has("keycloak")).isTrue();
    }

    /**
     * What a client generator needs: a summary and a stable, unique operation id on every operation, and every error
     * response described as the problem+json the application sends (ApiProblems), with the field list.
     */
    @Test
    void everyOperationHasASummaryAndEveryErrorResponseIsProblemJson() throws Exception {
        JsonNode api = read(mvc.perform(get("/v3/api-docs")).andReturn());

        List<String> withoutSummary = new ArrayList<>();
        List<String> errorsWithoutProblem = new ArrayList<>();
        List<String> withoutErrorResponse = new ArrayList<>();
        List<String> withoutOverload = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        List<String> badOperationIds = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String name = method.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = method.getValue();
            if (operation.path("summary").asText().isBlank()) {
                withoutSummary.add(name);
            }
            String operationId = operation.path("operationId").asText();
            if (!operationIds.add(operationId) || !operationId.matches("[a-z][A-Za-z]+")) {
                badOperationIds.add(name + " " + operationId); // springdoc's get_3 depends on scan order
            }
            List<String> errorCodes = new ArrayList<>();
            operation.get("responses").fieldNames().forEachRemaining(code -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    errorCodes.add(code);
                }
            });
            if (errorCodes.stream().noneMatch(code -> code.startsWith("4"))) {
                withoutErrorResponse.add(name);
            }
            if (path.getKey().startsWith("/api/") && (!errorCodes.contains("503")
                    || !operation.get("responses").get("503").path("headers").has("Retry-After"))) {
                withoutOverload.add(name); // the admission's answer when the instance is overloaded (decision 0068)
            }
            for (String code : errorCodes) {
                JsonNode schema = operation.get("responses").get(code).path("content").path("application/problem+json")
                        .path("schema");
                if (!"#/components/schemas/Problem".equals(schema.path("$ref").asText())) {
                    errorsWithoutProblem.add(name + " " + code);
                }
            }
        }));
        assertThat(withoutSummary).as("operations without a summary").isEmpty();
        assertThat(withoutErrorResponse).as("operations without a 4xx response").isEmpty();
        assertThat(withoutOverload).as("API operations without the 503 of an overloaded instance and its Retry-After").isEmpty();
        assertThat(errorsWithoutProblem).as("error responses without the problem+json schema").isEmpty();
        assertThat(badOperationIds).as("operation ids that are not unique and stable").isEmpty();

        JsonNode problem = api.get("components").get("schemas").get("Problem");
        assertThat(problem.get("properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "instance", "errors");
        JsonNode fieldProblem = api.get("components").get("schemas").get("FieldProblem");
        assertThat(fieldProblem.get("properties").fieldNames()).toIterable().containsExactlyInAnyOrder("field", "message");
        assertThat(api.at("/components/securitySchemes/keycloak/flows/password/scopes").isObject()).isTrue();
    }

    /**
     * Pages and redirects are not API; schema names are unique per class and cannot clash with what generators
     * generate next to them (typescript-fetch: a parameter type {@code <OperationId>Request} and its runtime types).
     */
    @Test
    void describesOnlyTheApiWithSchemaNamesAClientGeneratorCanUse() throws Exception {
        JsonNode api = read(mvc.perform(get("/v3/api-docs")).andReturn());
        JsonNode schemas = api.get("components").get("schemas");

        assertThat(api.get("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"));
        assertThat(schemas.fieldNames()).toIterable().doesNotContain("RedirectView", "ServletContext",
                "ApplicationContext", "Request", "Response", "RequestOpts", "RequestContext", "ResponseContext",
                "Configuration", "BaseAPI", "ApiResponse", "Middleware", "ResponseError", "FetchError", "RequiredError");
        List<String> generatedRequestTypes = new ArrayList<>();
        api.get("paths").forEach(path -> path.forEach(operation -> {
            String id = operation.path("operationId").asText();
            generatedRequestTypes.add(Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Request");
        }));
        assertThat(schemas.fieldNames()).toIterable().doesNotContainAnyElementsOf(generatedRequestTypes);

        // Two classes of the same simple name used to share one schema: the case's signals were described as
        // stagnation signals, the erasure decision as the toegang decision.
        assertThat(schemas.at("/CaseDetail/properties/signals/items/$ref").asText())
                .isEqualTo("#/components/schemas/SignalView");
        assertThat(schemas.get("SignalView").get("properties").has("sourceType")).isTrue();
        assertThat(schemas.get("StagnationSignalView").get("properties").has("kind")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1privacy~1erasure-requests~1{id}~1decision/post/requestBody/content"
                + "/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/ErasureDecisionInput");
        assertThat(schemas.get("ErasureDecisionInput").get("properties").has("legalException")).isTrue();
        assertThat(schemas.get("DecisionInput").get("properties").has("grantedProvision")).isTrue();

        // A set of enum values as an array of a named enum: generated clients serialise it (inline they did not).
        assertThat(schemas.at("/SignalRequest/properties/leefgebieden/items/$ref").asText())
                .isEqualTo("#/components/schemas/Leefgebied");
    }

    /** Writes the live description for the client-generation check later in the build (and for linting by hand). */
    @Test
    void writesTheLiveDescriptionForTheClientCheck() throws Exception {
        byte[] body = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Path target = java.nio.file.Path.of("target", "openapi.json");
        java.nio.file.Files.createDirectories(target.getParent());
        java.nio.file.Files.write(target, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.readTree(body)));
        assertThat(target).isNotEmptyFile();
    }

    @Test
    void swaggerUiAndHealthArePublic() throws Exception {
        assertThat(mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

}
