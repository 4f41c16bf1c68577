package nl.wijkroute.system.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.StatementCounting;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A list costs the same number of SQL statements whatever its page size: the household of every row
 * comes with the page, not one query per row (N+1). Counted at the DataSource, so the engine's MyBatis
 * queries count as well as Hibernate's.
 */
@Import(StatementCounting.class)
class ListStatementCountTest extends ApiTestSupport {

    @BeforeEach
    void atLeastFiftyOpenCasesInNoord() throws Exception {
        // More than fifty: a full page with nothing after it needs no count (decision 0067), so both pages here have
        // tasks after them and do the same work apart from their rows.
        while (getJson("/api/v1/tasks?size=1", TestUsers.wijkcoach()).get("totalItems").asInt() < 51) {
            openCaseInNoord();
        }
    }

    @Test
    void aPageOfCasesCostsTheSameStatementsForFiveRowsAsForFifty() {
        int five = statements("/api/v1/cases?size=5", TestUsers.wijkcoach(), 5);
        int fifty = statements("/api/v1/cases?size=50", TestUsers.wijkcoach(), 50);
        assertThat(fifty).as("statements for 50 rows vs 5 rows").isEqualTo(five);
    }

    @Test
    void aPageOfTheWerkbakCostsTheSameStatementsForFiveRowsAsForFifty() {
        int five = statements("/api/v1/tasks?size=5", TestUsers.wijkcoach(), 5);
        int fifty = statements("/api/v1/tasks?size=50", TestUsers.wijkcoach(), 50);
        assertThat(fifty).as("statements for 50 rows vs 5 rows").isEqualTo(five);
    }

    private int statements(String url, RequestPostProcessor user, int expectedRows) {
        var counted = StatementCounting.count(() -> {
            try {
                var result = mvc.perform(get(url).with(user)).andReturn();
                assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
                return read(result);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode page = counted.result();
        assertThat(page.get("items")).hasSize(expectedRows);
        assertThat(counted.statements()).as("statements counted for " + url).isPositive();
        System.out.printf("[statements] %s: %d%n", url, counted.statements());
        return counted.statements();
    }
}
