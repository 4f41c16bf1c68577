package nl.wijkroute.system.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every list of the API answers one page in the same shape ({@code items, page, size, totalItems,
 * totalPages, totalIsLowerBound}), respects the page size, keeps its order from page to page and refuses a page size
 * over the maximum by naming the parameter.
 */
class PagedListsApiTest extends ApiTestSupport {

    /** Each list with a user allowed to read it. */
    private static Map<String, RequestPostProcessor> lists() {
        Map<String, RequestPostProcessor> lists = new LinkedHashMap<>();
        lists.put("/api/v1/cases", TestUsers.wijkcoach());
        lists.put("/api/v1/tasks", TestUsers.wijkcoach());
        lists.put("/api/v1/handovers?direction=OUTGOING", TestUsers.wijkcoach());
        lists.put("/api/v1/handovers?direction=INCOMING", TestUsers.partnerGgz());
        lists.put("/api/v1/toegang", TestUsers.toegang());
        lists.put("/api/v1/deadlines", TestUsers.wijkcoach());
        lists.put("/api/v1/escalations", TestUsers.procesregisseur());
        lists.put("/api/v1/stagnation-signals", TestUsers.procesregisseur());
        lists.put("/api/v1/break-glass", TestUsers.privacyOfficer());
        lists.put("/api/v1/privacy/erasure-requests", TestUsers.privacyOfficer());
        lists.put("/api/v1/organisations", TestUsers.wijkcoach());
        return lists;
    }

    @Test
    void everyListIsPagedInOneShapeWithAStableOrder() throws Exception {
        for (int i = 0; i < 3; i++) {
            openCaseInNoord();
            String id = "paged-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(mvc.perform(post("/api/v1/organisations").with(TestUsers.admin()).contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("id", id, "name", "Partner " + id, "type", "GGZ"))))
                    .andReturn().getResponse().getStatus()).isEqualTo(201);
        }
        for (var list : lists().entrySet()) {
            String url = list.getKey();
            String separator = url.contains("?") ? "&" : "?";
            JsonNode three = getJson(url + separator + "size=3&page=0", list.getValue());
            assertThat(three.get("page").asInt()).as(url).isZero();
            assertThat(three.get("size").asInt()).as(url).isEqualTo(3);
            long total = three.get("totalItems").asLong();
            assertThat(three.get("items").size()).as(url).isEqualTo((int) Math.min(3, total));
            assertThat(three.get("totalPages").asInt()).as(url).isEqualTo((int) ((total + 2) / 3));
            // Only a werkbak of more than RouteTaskService.COUNT_CAP tasks answers a lower bound (decision 0067); the
            // shared database's werkbak may grow past it as tests open cases.
            if (three.get("totalIsLowerBound").asBoolean()) {
                assertThat(url).as("a lower bound: the werkbak only").startsWith("/api/v1/tasks");
                assertThat(total).as(url).isGreaterThanOrEqualTo(nl.wijkroute.route.RouteTaskService.COUNT_CAP);
            }

            // One row per page, page after page, gives the same rows in the same order as one page of three.
            List<JsonNode> onePerPage = new ArrayList<>();
            for (int page = 0; page < Math.min(3, total); page++) {
                JsonNode single = getJson(url + separator + "size=1&page=" + page, list.getValue());
                assertThat(single.get("items")).as(url + " page " + page).hasSize(1);
                assertThat(single.get("totalPages").asLong()).as(url).isEqualTo(total);
                onePerPage.add(single.get("items").get(0));
            }
            List<JsonNode> pageOfThree = new ArrayList<>();
            three.get("items").forEach(pageOfThree::add);
            assertThat(onePerPage).as(url).isEqualTo(pageOfThree);
            // A lower bound's pages are not the last: past any real list then.
            int pastTheEnd = three.get("totalIsLowerBound").asBoolean() ? nl.wijkroute.system.paging.PageParams.MAX_PAGE
                    : three.get("totalPages").asInt() + 1;
            JsonNode beyond = getJson(url + separator + "size=3&page=" + pastTheEnd, list.getValue());
            assertThat(beyond.get("items")).as(url + " past the last page").isEmpty();
        }
        assertThat(getJson("/api/v1/cases?size=3", TestUsers.wijkcoach()).get("items")).hasSize(3);
        assertThat(getJson("/api/v1/organisations?size=3", TestUsers.wijkcoach()).get("items")).hasSize(3);
    }

    @Test
    void aPageSizeOverTheMaximumOrABadPageIsRefusedNamingTheParameter() throws Exception {
        Map<String, RequestPostProcessor> lists = lists();
        // The access logs grow with every request (reading them is logged too), so they are only checked here.
        lists.put("/api/v1/me/access-log", TestUsers.inwoner("111222333"));
        lists.put("/api/v1/access-log", TestUsers.privacyOfficer());
        for (var list : lists.entrySet()) {
            String url = list.getKey();
            String separator = url.contains("?") ? "&" : "?";
            assertProblem(mvc.perform(get(url + separator + "size=" + (PageParams.MAX_SIZE + 1)).with(list.getValue())).andReturn(),
                    400, "size");
            assertProblem(mvc.perform(get(url + separator + "size=0").with(list.getValue())).andReturn(), 400, "size");
            assertProblem(mvc.perform(get(url + separator + "page=-1").with(list.getValue())).andReturn(), 400, "page");
            assertProblem(mvc.perform(get(url + separator + "page=een").with(list.getValue())).andReturn(), 400, "page");
        }
    }
}
