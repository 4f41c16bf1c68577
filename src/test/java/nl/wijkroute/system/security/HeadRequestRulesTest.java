package nl.wijkroute.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A HEAD request runs the GET handler of its path (Spring MVC answers HEAD with GET's handler and drops the body), so
 * it must pass GET's role rule, not only "signed in": before, a HEAD fell through to {@code /api/**} authenticated and
 * any role could run, for example, the privacy officer's access-log export or the case file's read and learn from the
 * status and the headers what the body would have said.
 */
class HeadRequestRulesTest extends ApiTestSupport {

    @Test
    void aHeadRequestNeedsTheRoleOfItsGet() throws Exception {
        assertThat(status("/api/v1/access-log", TestUsers.wijkcoach())).isEqualTo(403);
        assertThat(status("/api/v1/access-log/verification", TestUsers.manager())).isEqualTo(403);
        assertThat(status("/api/v1/cases/" + UUID.randomUUID(), TestUsers.manager())).isEqualTo(403);
        assertThat(status("/api/v1/access-log", TestUsers.privacyOfficer())).isEqualTo(200);
        assertThat(status("/api/v1/organisations", TestUsers.manager())).isEqualTo(200);
    }

    /** Every GET rule: a HEAD by a role the GET does not allow is refused before anything runs. */
    @Test
    void everyGetRulesHeadRefusesTheRolesItsGetRefuses() throws Exception {
        Map<String, RequestPostProcessor> users = Map.of(
                Roles.FRONTOFFICE, TestUsers.frontoffice(), Roles.WIJKTEAM, TestUsers.wijkcoach(),
                Roles.TOEGANG, TestUsers.toegang(), Roles.PROCESREGISSEUR, TestUsers.procesregisseur(),
                Roles.PARTNER, TestUsers.partnerGgz(), Roles.MANAGER, TestUsers.manager(), Roles.ADMIN, TestUsers.admin(),
                Roles.PRIVACY, TestUsers.privacyOfficer(), Roles.INWONER, TestUsers.inwoner("123456782"),
                Roles.REFLECTIE_DEELNEMER, TestUsers.deelnemer());
        int checked = 0;
        for (EndpointRules.Rule rule : EndpointRules.API) {
            if (rule.method() != HttpMethod.GET) {
                continue;
            }
            var refused = users.entrySet().stream().filter(user -> !rule.roles().contains(user.getKey())).findFirst();
            if (refused.isEmpty()) {
                continue; // every role may
            }
            String path = rule.pattern().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            assertThat(status(path, refused.get().getValue())).as("HEAD %s as %s", path, refused.get().getKey())
                    .isEqualTo(403);
            checked++;
        }
        assertThat(checked).as("GET rules checked").isGreaterThan(20);
    }

    private int status(String path, RequestPostProcessor user) throws Exception {
        return mvc.perform(head(path).with(user)).andReturn().getResponse().getStatus();
    }
}
