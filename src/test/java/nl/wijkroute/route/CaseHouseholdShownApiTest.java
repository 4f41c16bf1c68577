package nl.wijkroute.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What the case list, the case file, the werkbak and a claim show of the household, team and wijk. Since the
 * case row holds them as ids and household's API supplies the rest (decision 0051), each case must still show
 * its own household, also when a page holds several.
 */
class CaseHouseholdShownApiTest extends ApiTestSupport {

    @Test
    void everyListShowsEachCaseWithItsOwnHouseholdTeamAndWijk() throws Exception {
        Map<String, Object> first = newHousehold("noord");
        Map<String, Object> second = newHousehold("noord");
        UUID firstCase = open(first);
        UUID secondCase = open(second);

        JsonNode file = getJson("/api/v1/cases/" + firstCase, TestUsers.wijkcoach());
        assertThat(file.get("team").asText()).isEqualTo("team-noord");
        assertThat(file.get("household").get("displayName").asText()).isEqualTo(first.get("displayName"));
        assertThat(file.get("household").get("wijk").asText()).isEqualTo("noord");
        assertThat(file.get("household").get("members")).hasSize(1);
        assertThat(file.get("openTasks")).isNotEmpty().allSatisfy(task -> {
            assertThat(task.get("household").asText()).isEqualTo(first.get("displayName"));
            assertThat(task.get("caseStage").asText()).isEqualTo("TRIAGE");
        });
        String firstHousehold = file.get("household").get("id").asText();

        JsonNode listed = itemOf(allItems("/api/v1/cases?wijk=noord&stage=TRIAGE", TestUsers.wijkcoach()), "id", firstCase);
        assertThat(listed.get("householdId").asText()).isEqualTo(firstHousehold);
        assertThat(listed.get("household").asText()).isEqualTo(first.get("displayName"));
        assertThat(listed.get("team").asText()).isEqualTo("team-noord");
        assertThat(listed.get("wijk").asText()).isEqualTo("noord");
        assertThat(itemOf(allItems("/api/v1/cases?wijk=noord&stage=TRIAGE", TestUsers.wijkcoach()), "id", secondCase)
                .get("household").asText()).isEqualTo(second.get("displayName"));

        var werkbak = allItems("/api/v1/tasks", TestUsers.wijkcoach());
        JsonNode firstTask = itemOf(werkbak, "caseId", firstCase);
        assertThat(firstTask.get("household").asText()).isEqualTo(first.get("displayName"));
        assertThat(firstTask.get("caseStage").asText()).isEqualTo("TRIAGE");
        assertThat(itemOf(werkbak, "caseId", secondCase).get("household").asText()).isEqualTo(second.get("displayName"));

        MvcResult claimed = claim(openTask(secondCase, "triage"), TestUsers.wijkcoach());
        assertThat(claimed.getResponse().getStatus()).as(claimed.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(read(claimed).get("household").asText()).isEqualTo(second.get("displayName"));
        assertThat(read(claimed).get("caseStage").asText()).isEqualTo("TRIAGE");
        assertThat(read(claimed).get("caseId").asText()).isEqualTo(secondCase.toString());
    }

    private UUID open(Map<String, Object> household) throws Exception {
        MvcResult result = postSignal(signal(household), TestUsers.frontoffice(), UUID.randomUUID().toString());
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return UUID.fromString(read(result).get("caseId").asText());
    }

    private static JsonNode itemOf(Iterable<JsonNode> items, String field, UUID id) {
        for (JsonNode item : items) {
            if (item.get(field).asText().equals(id.toString())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " " + id);
    }
}
