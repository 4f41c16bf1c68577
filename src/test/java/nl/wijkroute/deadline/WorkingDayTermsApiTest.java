package nl.wijkroute.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A term in working days (Wgs, spoed: three werkdagen) over the one werkdag calendar: a suspension
 * counts the working days it lasted, and the municipality's configured closing day is no werkdag
 * (application-test.yml closes Friday 7 November 2025). Past dates, so the test does not depend on today.
 */
class WorkingDayTermsApiTest extends ApiTestSupport {

    @Test
    void aSuspensionOverAWeekendMovesAWorkingDayTermByTheWorkingDaysItLasted() throws Exception {
        // Received Wednesday 12 Nov 2025: three werkdagen end Monday 17 Nov.
        JsonNode term = urgentWgsTerm("2025-11-12");
        assertThat(term.get("dueOn").asText()).isEqualTo("2025-11-17");
        String id = term.get("id").asText();

        // Waiting for the resident from Friday 14 Nov, resumed Monday 17 Nov: only Friday was a werkdag.
        MvcResult suspended = send("/api/v1/deadlines/" + id + "/suspend",
                Map.of("since", "2025-11-14", "reason", "Wachten op de brief van de woningcorporatie"));
        assertThat(suspended.getResponse().getStatus()).as(suspended.getResponse().getContentAsString()).isEqualTo(200);
        MvcResult resumed = send("/api/v1/deadlines/" + id + "/resume", Map.of("on", "2025-11-17"));
        assertThat(resumed.getResponse().getStatus()).as(resumed.getResponse().getContentAsString()).isEqualTo(200);

        JsonNode after = read(resumed);
        assertThat(after.get("suspendedDays").asInt()).as("werkdagen stood still").isEqualTo(1);
        // One working day later than Monday: Tuesday 18 Nov, not Thursday 20 Nov (three calendar days as working days).
        assertThat(after.get("dueOn").asText()).isEqualTo("2025-11-18");
    }

    @Test
    void aConfiguredClosingDayOfTheMunicipalityIsNoWerkdag() throws Exception {
        // Received Wednesday 5 Nov 2025: Thursday 6, (closed Friday 7), Monday 10, Tuesday 11.
        assertThat(urgentWgsTerm("2025-11-05").get("dueOn").asText()).isEqualTo("2025-11-11");
    }

    private JsonNode urgentWgsTerm(String receivedOn) throws Exception {
        UUID caseId = openCaseInNoord();
        MvcResult requested = mvc.perform(post("/api/v1/cases/" + caseId + "/toegang").with(TestUsers.wijkcoach())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("law", "WGS",
                        "provision", "Schuldhulpverlening", "urgent", true, "receivedOn", receivedOn)))).andReturn();
        assertThat(requested.getResponse().getStatus()).as(requested.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode term = read(requested).get("deadlines").get(0);
        assertThat(term.get("term").asText()).isEqualTo("WGS_EERSTE_GESPREK_SPOED");
        return term;
    }

    private MvcResult send(String url, Map<String, Object> body) throws Exception {
        RequestPostProcessor consulent = TestUsers.toegang();
        return mvc.perform(post(url).with(consulent).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn();
    }
}
