package nl.wijkroute.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import nl.wijkroute.system.security.CurrentUser;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description: bearer tokens from the configured Keycloak realm; Swagger UI can log in with them. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // Resolved from the token, not a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    OpenAPI wijkrouteOpenApi(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        SecurityScheme keycloak = new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Keycloak realm wijkroute. In dev: client wijkroute-cli, demo user, wachtwoord = gebruikersnaam.")
                .flows(new OAuthFlows().password(new OAuthFlow().tokenUrl(issuer + "/protocol/openid-connect/token")));
        SecurityScheme bearer = new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT");
        return new OpenAPI()
                .info(new Info().title("Wijkroute API").version("v1")
                        .description("Casuscoördinatie voor wijkteams langs de routekaart. Fouten zijn application/problem+json."))
                .components(new Components().addSecuritySchemes("keycloak", keycloak).addSecuritySchemes("bearer", bearer))
                .addSecurityItem(new SecurityRequirement().addList("keycloak"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
