package nl.wijkroute.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;
import org.junit.jupiter.api.Test;

/**
 * The household marker on a plan goal (decision 0049): its default, and versions written before it existed,
 * which are immutable and read with the same default.
 */
class PlanGoalSharedWithHouseholdTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void aVersionWrittenBeforeTheMarkerReadsAMembersGoalAsTheirsAndAGoalWithoutMemberAsTheHouseholds() throws Exception {
        String legacy = """
                {"goals": [
                  {"id": "%s", "leefgebied": "FINANCIEN", "memberId": "%s", "description": "Schulden", "result": "Regeling",
                   "targetDate": "2027-01-01", "actions": []},
                  {"id": "%s", "leefgebied": "HUISVESTING", "description": "Woning", "result": "Huur betaald",
                   "targetDate": "2027-01-01", "actions": []}],
                 "agreement": null}""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        PlanContent content = json.readValue(legacy, PlanContent.class);

        assertThat(content.goals()).extracting(PlanContent.Goal::sharedWithHousehold).containsExactly(false, true);
    }

    @Test
    void aMarkerThatWasSetIsKeptAndItsChangeIsInTheDiff() throws Exception {
        UUID member = UUID.randomUUID();
        PlanContent.Goal own = new PlanContent.Goal(UUID.randomUUID(), Leefgebied.FINANCIEN, member, "Schulden", "Regeling",
                LocalDate.of(2027, 1, 1), List.of(), null);
        PlanContent.Goal shared = new PlanContent.Goal(own.id(), own.leefgebied(), member, own.description(), own.result(),
                own.targetDate(), List.of(), true);
        PlanContent read = json.readValue(json.writeValueAsString(new PlanContent(List.of(shared), null)), PlanContent.class);

        assertThat(own.sharedWithHousehold()).isFalse();
        assertThat(read.goals().get(0).sharedWithHousehold()).isTrue();
        assertThat(PlanDiffer.diff(new PlanContent(List.of(own), null), read))
                .extracting(PlanViews.Change::field).containsExactly("sharedWithHousehold");
    }
}
