package nl.wijkroute.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The access-log entry of a list names exactly the cases and households it showed, with the break-the-glass ones in
 * an entry of their own, whatever the list's length: a list of up to a page (20) is checked with a fixed number of
 * id slots, the last id repeated, and a longer one with an array (decision 0063). Lists of 1, 19, 20 and 21 cases,
 * with a case given twice and a case the worker sees only through their grant.
 */
class ListedCasesAccessLogTest extends ApiTestSupport {

    @Autowired
    CaseAccess access;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aListOfAnyLengthIsLoggedWithExactlyItsCasesAndItsBreakTheGlassCasesApart() throws Exception {
        List<UUID> own = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            own.add(UUID.fromString(read(postSignal(signal(newHousehold("zuid")), TestUsers.frontoffice(),
                    UUID.randomUUID().toString())).get("caseId").asText()));
        }
        UUID otherTeams = openCaseInNoord();
        assertThat(mvc.perform(post("/api/v1/break-glass").with(TestUsers.wijkcoach2()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("caseId", otherTeams.toString(),
                        "reason", "Moeder belt in paniek, eigen team niet bereikbaar."))))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        signInAsWijkcoach2();

        for (int length : List.of(1, 19, 20, 21)) {
            List<UUID> listed = new ArrayList<>(own.subList(0, length - 1));
            listed.add(otherTeams);
            listed.add(listed.get(0)); // shown twice: named once
            long before = jdbc.queryForObject("select coalesce(max(id), 0) from access_log", Long.class);

            access.logListed(listed, DataCategory.ROUTE);

            List<Map<String, Object>> entries = jdbc.queryForList("""
                    select break_glass, case_id, household_id, case_ids::text as cases, household_ids::text as households
                    from access_log where id > ? order by break_glass""", before);
            List<UUID> regular = own.subList(0, length - 1);
            if (regular.isEmpty()) {
                assertThat(entries).as("a list of %d: only the grant's case", length).hasSize(1);
            } else if (regular.size() == 1) {
                assertThat(entries).as("a list of %d", length).hasSize(2);
                assertThat(entries.get(0)).containsEntry("break_glass", false).containsEntry("case_id", regular.get(0))
                        .containsEntry("household_id", householdOf(regular.get(0)));
            } else {
                assertThat(entries).as("a list of %d", length).hasSize(2);
                assertThat(entries.get(0)).containsEntry("break_glass", false)
                        .containsEntry("cases", arrayText(regular))
                        .containsEntry("households", arrayText(regular.stream().map(this::householdOf).toList()));
            }
            Map<String, Object> glass = entries.get(entries.size() - 1);
            assertThat(glass).as("a list of %d: the case seen through the grant", length)
                    .containsEntry("break_glass", true).containsEntry("case_id", otherTeams)
                    .containsEntry("household_id", householdOf(otherTeams));
        }
    }

    private UUID householdOf(UUID caseId) {
        return jdbc.queryForObject("select household_id from support_case where id = ?", UUID.class, caseId);
    }

    private static String arrayText(List<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    /** The worker of team zuid, signed in as TestUsers#wijkcoach2 is for a request. */
    private static void signInAsWijkcoach2() {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn("wijkcoach2", List.of("wijkteam"),
                Map.of("team", "team-zuid", "wijk", "zuid")));
    }
}
