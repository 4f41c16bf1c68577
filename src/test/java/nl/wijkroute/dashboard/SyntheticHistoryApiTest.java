package nl.wijkroute.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import nl.wijkroute.demo.SyntheticHistory;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13.15: the demo history behind the dev dashboard. At a small size, in a team of its own, every
 * indicator has groups above the suppression threshold, and the history is clearly synthetic.
 */
class SyntheticHistoryApiTest extends ApiTestSupport {

    @Autowired
    SyntheticHistory history;

    @Test
    void aSmallSyntheticYearGivesEveryIndicatorUnsuppressedNumbers() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String team = "team-synth-" + suffix;
        jdbc.update("insert into team (id, name) values (?, ?)", team, "Synthetisch team");
        List<String> wijken = List.of("wijk-synth-a-" + suffix, "wijk-synth-b-" + suffix);
        wijken.forEach(wijk -> jdbc.update("insert into wijk (id, name, team_id) values (?, ?, ?)", wijk, "Synthetische wijk", team));

        assertThat(history.presentIn(wijken)).isFalse();
        int generated = history.generate(wijken, 500, Duration.ofDays(365));
        assertThat(generated).isGreaterThanOrEqualTo(500);
        assertThat(history.presentIn(wijken)).as("the loader asks this before generating again").isTrue();

        String period = "team=" + team + "&from=" + Instant.now().minus(Duration.ofDays(365)) + "&to=" + Instant.now();
        JsonNode wip = getJson("/api/v1/dashboard/work-in-progress?team=" + team, TestUsers.manager());
        assertThat(unsuppressed(wip.get("stages"))).as("work in progress").isNotEmpty();
        JsonNode leadTimes = getJson("/api/v1/dashboard/lead-times?" + period, TestUsers.manager());
        assertThat(unsuppressed(leadTimes.get("perStage"))).as("lead time per stage").extracting(s -> s.get("stage").asText())
                .contains("SIGNALEREN", "TRIAGE", "VRAAGVERHELDERING", "PLAN", "REGIE", "EVALUATIE", "NAZORG");
        assertThat(leadTimes.get("wholeRoute").get("suppressed").asBoolean()).isFalse();
        assertThat(leadTimes.get("wholeRoute").get("medianDays").asDouble()).isPositive();
        JsonNode flow = getJson("/api/v1/dashboard/flow?granularity=MONTH&" + period, TestUsers.manager());
        List<JsonNode> months = unsuppressed(flow);
        assertThat(months).as("flow per month").isNotEmpty();
        // The newest month may have begun hours ago (500 cases a year: a signal or two a day), so judge the
        // newest month that has surely ended (begun over 31 days ago); the newest one failed this in the
        // first days of every month.
        List<JsonNode> endedMonths = months.stream()
                .filter(month -> Instant.parse(month.get("periodStart").asText()).plus(Duration.ofDays(31)).isBefore(Instant.now()))
                .toList();
        assertThat(endedMonths).as("ended months").isNotEmpty();
        assertThat(endedMonths.get(endedMonths.size() - 1).get("signalsBySource").properties()).extracting(e -> e.getValue().asLong())
                .as("signals from every source").allMatch(n -> n > 0);
        assertThat(unsuppressed(getJson("/api/v1/dashboard/deadlines?" + period, TestUsers.manager())))
                .as("legal terms per law").isNotEmpty()
                .anyMatch(law -> law.get("metInTime").asLong() > 0 && law.get("breached").asLong() > 0);
        JsonNode escalations = getJson("/api/v1/dashboard/escalations?" + period, TestUsers.manager());
        assertThat(unsuppressed(escalations)).as("escalations per cause").isNotEmpty()
                .anyMatch(cause -> cause.get("medianDaysToDoorbraak").asDouble() > 0);
        JsonNode handovers = getJson("/api/v1/dashboard/handovers?" + period, TestUsers.manager());
        assertThat(handovers.get("suppressed").asBoolean()).isFalse();
        assertThat(handovers.get("accepted").asLong()).isPositive();
        assertThat(handovers.get("medianHoursToAccept").asDouble()).isPositive();
        JsonNode frontDoor = getJson("/api/v1/dashboard/front-door?" + period, TestUsers.manager());
        assertThat(frontDoor.get("suppressed").asBoolean()).isFalse();
        assertThat(frontDoor.get("share").asDouble()).isBetween(0.5, 0.95);
        JsonNode recurrence = getJson("/api/v1/dashboard/recurrence?" + period, TestUsers.manager());
        assertThat(recurrence.get("suppressed").asBoolean()).isFalse();
        assertThat(recurrence.get("recurredWithin12Months").asLong()).isPositive();

        assertThat(jdbc.queryForObject("""
                select count(*) from household h where h.wijk_id in (?, ?) and (h.display_name not like 'Synthetisch huishouden %'
                    or exists (select 1 from household_member m where m.household_id = h.id))
                """, Integer.class, wijken.get(0), wijken.get(1))).as("synthetic households, no members, no BSNs").isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from support_case c where c.team_id = ? and c.status = 'OPEN' and c.stage_entered_at < now() - interval '3 days'
                """, Integer.class, team)).as("open synthetic cases never look stuck").isZero();
    }

    private static List<JsonNode> unsuppressed(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).filter(node -> !node.get("suppressed").asBoolean()).toList();
    }
}
