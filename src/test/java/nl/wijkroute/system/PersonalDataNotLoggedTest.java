package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.Bsns;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

/** Names, BSNs and free text about a household never reach the application's log, on happy and error paths. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataNotLoggedTest extends ApiTestSupport {

    @Test
    void personalDataFromRequestsNeverAppearsInTheLog(CapturedOutput output) throws Exception {
        String bsn = Bsns.random();
        String givenName = "Zoëlinde";
        String familyName = "Kwakernaat-Uniek";
        String story = "Schuld bij de woningcorporatie van 4817 euro";

        Map<String, Object> household = newHousehold("noord", member(givenName, familyName, "1983-04-05", bsn));
        Map<String, Object> body = signal(household);
        body.put("description", story);
        UUID caseId = UUID.fromString(read(postSignal(body, TestUsers.frontoffice(), UUID.randomUUID().toString()))
                .get("caseId").asText());
        getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach());
        step(caseId, "triage", TestUsers.wijkcoach(), triage("FULL_ROUTE", "MULTIPLE", false, null));

        // Error paths: an invalid BSN, a duplicate key with another body, malformed input.
        postSignal(signal(newHousehold("noord", member(givenName, familyName, "1983-04-05", "123456789"))),
                TestUsers.frontoffice(), UUID.randomUUID().toString());
        String key = UUID.randomUUID().toString();
        postSignal(body, TestUsers.frontoffice(), key);
        body.put("description", story + " en meer");
        postSignal(body, TestUsers.frontoffice(), key);
        body.put("urgency", "NOG_ERGER");
        postSignal(body, TestUsers.frontoffice(), UUID.randomUUID().toString());

        // Privacy paths: a refused look, break-the-glass with its reason, the resident's own view, the officer's export.
        String reason = "Buurvrouw Kwakernaat belt over acute dreiging";
        mvc.perform(get("/api/v1/cases/" + caseId).with(TestUsers.wijkcoach2()));
        mvc.perform(post("/api/v1/break-glass").with(TestUsers.wijkcoach2()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("bsn", bsn, "reason", reason))));
        getJson("/api/v1/cases/" + caseId, TestUsers.wijkcoach2());
        getJson("/api/v1/me", TestUsers.inwoner(bsn));
        mvc.perform(get("/api/v1/access-log/export?caseId=" + caseId).with(TestUsers.privacyOfficer()));

        for (String personal : List.of(bsn, "123456789", givenName, familyName, story, reason)) {
            assertThat(output.getAll()).as("the log must not contain '%s'", personal).doesNotContain(personal);
        }
    }
}
