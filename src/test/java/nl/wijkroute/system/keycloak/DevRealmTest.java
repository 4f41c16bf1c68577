package nl.wijkroute.system.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dev realm export keeps the fixed defaults the README promises, so anyone can script against it. */
class DevRealmTest {

    static JsonNode realm;

    @BeforeAll
    static void readRealm() throws Exception {
        try (InputStream in = DevRealmTest.class.getResourceAsStream("/keycloak/wijkroute-realm.json")) {
            realm = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theApisOwnClientHoldsEveryRoleOfTheFieldAsClientRoles() {
        assertThat(realm.get("realm").asText()).isEqualTo("wijkroute");
        assertThat(realm.get("roles").get("client").get("wijkroute-api").findValuesAsText("name")).containsExactlyInAnyOrder(
                "frontoffice", "wijkteam", "toegang", "procesregisseur", "partner", "manager", "admin", "privacy", "inwoner",
                "reflectie-deelnemer");
        assertThat(realm.get("roles").has("realm")).as("no realm roles: the API reads only its own client's").isFalse();
        JsonNode api = client("wijkroute-api");
        assertThat(api.get("bearerOnly").asBoolean()).isTrue();
        assertThat(api.get("publicClient").asBoolean()).isFalse();
        assertThat(api.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(api.get("standardFlowEnabled").asBoolean()).isFalse();
    }

    @Test
    void loginClientsPutTheApiInTheAudienceAndCarryOnlyItsRoles() {
        for (String clientId : List.of("wijkroute-cli", "wijkroute-dashboard")) {
            JsonNode login = client(clientId);
            assertThat(login.get("protocolMappers").findValuesAsText("protocolMapper")).as(clientId).contains("oidc-audience-mapper");
            assertThat(login.get("protocolMappers").findValuesAsText("included.client.audience")).as(clientId)
                    .containsExactly("wijkroute-api");
            assertThat(login.get("fullScopeAllowed").asBoolean()).as(clientId).isFalse();
            JsonNode scope = StreamSupport.stream(realm.get("clientScopeMappings").get("wijkroute-api").spliterator(), false)
                    .filter(mapping -> mapping.get("client").asText().equals(clientId)).findFirst().orElseThrow();
            assertThat(scope.get("roles")).as(clientId).hasSize(10);
        }
    }

    @Test
    void cliClientIsPublicWithDirectGrantsAndMapsTeamWijkOrganisationLawsAndBsn() {
        JsonNode cli = StreamSupport.stream(realm.get("clients").spliterator(), false)
                .filter(client -> client.get("clientId").asText().equals("wijkroute-cli")).findFirst().orElseThrow();
        assertThat(cli.get("publicClient").asBoolean()).isTrue();
        assertThat(cli.get("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.get("protocolMappers").findValuesAsText("claim.name")).contains("team", "wijk", "organisation",
                "laws", "bsn");
    }

    @Test
    void demoUsersHaveTheirNameAsPasswordAndTheirRoleAndAttributes() {
        Map<String, List<String>> expectedRoles = Map.ofEntries(Map.entry("frontoffice", List.of("frontoffice")),
                Map.entry("wijkcoach", List.of("wijkteam")), Map.entry("wijkcoach2", List.of("wijkteam")),
                Map.entry("toegang", List.of("toegang")), Map.entry("toegang-jeugd", List.of("toegang")),
                Map.entry("procesregisseur", List.of("procesregisseur")), Map.entry("partner-ggz", List.of("partner")),
                Map.entry("partner-schuldhulp", List.of("partner")), Map.entry("manager", List.of("manager")),
                Map.entry("admin", List.of("admin")), Map.entry("privacy", List.of("privacy")),
                Map.entry("inwoner", List.of("inwoner")), Map.entry("deelnemer", List.of("reflectie-deelnemer")));
        assertThat(realm.get("users").findValuesAsText("username")).containsExactlyInAnyOrderElementsOf(expectedRoles.keySet());
        for (JsonNode user : realm.get("users")) {
            String username = user.get("username").asText();
            assertThat(user.get("credentials").get(0).get("value").asText()).as(username).isEqualTo(username);
            assertThat(user.get("credentials").get(0).get("temporary").asBoolean()).isFalse();
            assertThat(StreamSupport.stream(user.get("clientRoles").get("wijkroute-api").spliterator(), false)
                    .map(JsonNode::asText).toList()).as(username).isEqualTo(expectedRoles.get(username));
            assertThat(user.has("realmRoles")).as(username).isFalse();
            assertThat(user.get("id").asText()).as("a fixed sub, so tests and demo data know it")
                    .isEqualTo(nl.wijkroute.support.TestUsers.sub(username));
        }
        assertThat(attribute("wijkcoach", "team")).isEqualTo("team-noord");
        assertThat(attribute("wijkcoach2", "team")).isEqualTo("team-zuid");
        assertThat(attribute("partner-ggz", "organisation")).isEqualTo("ggz-breburg");
        assertThat(attribute("toegang", "laws")).isEqualTo("WMO");
        assertThat(attribute("toegang-jeugd", "laws")).isEqualTo("JEUGDWET");
        assertThat(attribute("inwoner", "bsn")).isEqualTo("999990019");
    }

    @Test
    void userProfileDeclaresTheAttributesSoKeycloakKeepsThem() throws Exception {
        String config = realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0)
                .get("config").get("kc.user.profile.config").get(0).asText();
        assertThat(new ObjectMapper().readTree(config).get("attributes").findValuesAsText("name"))
                .contains("username", "email", "team", "wijk", "organisation");
    }

    private static JsonNode client(String clientId) {
        return StreamSupport.stream(realm.get("clients").spliterator(), false)
                .filter(client -> client.get("clientId").asText().equals(clientId)).findFirst().orElseThrow();
    }

    private static String attribute(String username, String attribute) {
        return StreamSupport.stream(realm.get("users").spliterator(), false)
                .filter(user -> user.get("username").asText().equals(username)).findFirst().orElseThrow()
                .get("attributes").get(attribute).get(0).asText();
    }
}
