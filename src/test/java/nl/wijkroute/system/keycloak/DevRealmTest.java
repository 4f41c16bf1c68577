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
    void realmHasEveryRoleOfTheField() {
        assertThat(realm.get("realm").asText()).isEqualTo("wijkroute");
        assertThat(realm.get("roles").get("realm").findValuesAsText("name")).containsExactlyInAnyOrder(
                "frontoffice", "wijkteam", "toegang", "procesregisseur", "partner", "manager", "admin", "privacy", "inwoner");
    }

    @Test
    void cliClientIsPublicWithDirectGrantsAndMapsTeamWijkOrganisationLawsAndBsn() {
        JsonNode cli = StreamSupport.stream(realm.get("clients").spliterator(), false)
                .filter(client -> client.get("clientId").asText().equals("wijkroute-cli")).findFirst().orElseThrow();
        assertThat(cli.get("publicClient").asBoolean()).isTrue();
        assertThat(cli.get("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.get("protocolMappers").findValuesAsText("claim.name")).containsExactlyInAnyOrder("team", "wijk", "organisation",
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
                Map.entry("inwoner", List.of("inwoner")));
        assertThat(realm.get("users").findValuesAsText("username")).containsExactlyInAnyOrderElementsOf(expectedRoles.keySet());
        for (JsonNode user : realm.get("users")) {
            String username = user.get("username").asText();
            assertThat(user.get("credentials").get(0).get("value").asText()).as(username).isEqualTo(username);
            assertThat(user.get("credentials").get(0).get("temporary").asBoolean()).isFalse();
            assertThat(StreamSupport.stream(user.get("realmRoles").spliterator(), false).map(JsonNode::asText).toList())
                    .as(username).isEqualTo(expectedRoles.get(username));
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

    private static String attribute(String username, String attribute) {
        return StreamSupport.stream(realm.get("users").spliterator(), false)
                .filter(user -> user.get("username").asText().equals(username)).findFirst().orElseThrow()
                .get("attributes").get(attribute).get(0).asText();
    }
}
