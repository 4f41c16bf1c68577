package nl.wijkroute.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.wijkroute.system.security.CurrentUser;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The API description: bearer tokens from the configured Keycloak realm; Swagger UI can log in with them. Partners
 * generate clients from it (docs/decisions/0025), so operation ids are stable and every error is described as the
 * problem+json that ApiProblems sends.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    static final String FIELD_PROBLEM = "FieldProblem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    static {
        // Resolved from the token, not a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    OpenAPI wijkrouteOpenApi(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        SecurityScheme keycloak = new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Keycloak realm wijkroute. In dev: client wijkroute-cli, demo user, wachtwoord = gebruikersnaam.")
                .flows(new OAuthFlows().password(new OAuthFlow().tokenUrl(issuer + "/protocol/openid-connect/token")
                        // Roles come from the realm, not from scopes; OpenAPI still requires the map.
                        .scopes(new Scopes().addString("openid", "Inloggen via OpenID Connect"))));
        SecurityScheme bearer = new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT");
        return new OpenAPI()
                .info(new Info().title("Wijkroute API").version("v1")
                        .description("Casuscoördinatie voor wijkteams langs de routekaart. Fouten zijn application/problem+json."))
                .components(new Components().addSecuritySchemes("keycloak", keycloak).addSecuritySchemes("bearer", bearer))
                .addSecurityItem(new SecurityRequirement().addList("keycloak"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Operation ids become method names in generated clients. springdoc's default (the Java method name, with _1, _2
     * for duplicates in scan order) changes when a controller is added; method name plus capability does not.
     * An explicit {@code @Operation(operationId = ...)} wins.
     */
    @Bean
    OperationCustomizer stableOperationIds() {
        return (operation, handlerMethod) -> {
            io.swagger.v3.oas.annotations.Operation annotation =
                    handlerMethod.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (annotation == null || annotation.operationId().isEmpty()) {
                String capability = handlerMethod.getBeanType().getSimpleName().replaceFirst("Controller$", "");
                operation.setOperationId(handlerMethod.getMethod().getName() + capability);
            }
            return operation;
        };
    }

    /** Every operation answers errors as RFC 9457 problem+json (ApiProblems, the security filter chain). */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSchemas(FIELD_PROBLEM, object("Eén veld van het verzoek en wat eraan mankeert.")
                    .addProperty("field", string("Naam of pad van het veld, bijv. household.members[0].bsn"))
                    .addProperty("message", string("Wat er mis is (de ingevoerde waarde wordt nooit herhaald)"))
                    .required(List.of("field", "message")));
            components.addSchemas(PROBLEM, object("RFC 9457 problem details. Bij ongeldige invoer noemt errors elk veld.")
                    .addProperty("type", string("Soort probleem (about:blank)").format("uri"))
                    .addProperty("title", string("Korte omschrijving van de HTTP-status"))
                    .addProperty("status", typed(new Schema<Integer>(), "integer").format("int32"))
                    .addProperty("detail", string("Wat er mis is, voor mensen"))
                    .addProperty("instance", string("Het pad van het verzoek").format("uri"))
                    .addProperty("errors", typed(new ArraySchema(), "array").description("De velden die niet kloppen")
                            .items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM))));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> addErrorResponses(path, method, operation)));
        };
    }

    private static void addErrorResponses(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (hasInput) {
            errors.put("400", "Ongeldige invoer; errors noemt elk veld");
        }
        errors.put("401", "Geen of een verlopen token");
        errors.put("403", "Deze rol mag dit niet");
        if (path.contains("{")) {
            errors.put("404", "Niet gevonden, of buiten je team of organisatie (docs/decisions/0018)");
        }
        if (Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH,
                PathItem.HttpMethod.DELETE).contains(method)) {
            errors.put("409", "Past niet bij de huidige toestand, of iemand anders wijzigde het net");
        }
        errors.put("500", "Onverwachte fout aan de kant van Wijkroute");
        if (path.startsWith("/api/")) {
            errors.put("503", "Overbelast: het verzoek wachtte te lang op zijn beurt, of er wachtten al te veel"
                    + " (docs/decisions/0068); of de gegevens waren te lang bezet door een andere handeling, er is niets"
                    + " opgeslagen (docs/decisions/0070). Probeer het na Retry-After opnieuw");
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        errors.forEach((code, description) -> {
            ApiResponse response = operation.getResponses().computeIfAbsent(code, c -> new ApiResponse().description(description));
            if (!StringUtils.hasText(response.getDescription())) {
                response.setDescription(description);
            }
            // Whatever an endpoint declares for an error, the body is problem+json.
            response.setContent(new Content().addMediaType(PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            if (code.equals("503")) {
                response.addHeaderObject("Retry-After", new io.swagger.v3.oas.models.headers.Header()
                        .description("Seconden voordat een nieuwe poging zin heeft")
                        .schema(typed(new Schema<>(), "integer")));
            }
        });
    }

    private static Schema<Object> object(String description) {
        return typed(new Schema<>(), "object").description(description);
    }

    private static Schema<String> string(String description) {
        return typed(new Schema<String>(), "string").description(description);
    }

    /** Both spellings of the type: the document is OpenAPI 3.1 (types), 3.0 tools read type. */
    private static <T extends Schema<?>> T typed(T schema, String type) {
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }
}
