package nl.wijkroute.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Decision 0064: lead times for all teams read the stays ended per day, stage and duration bucket for the closed days
 * of the period and the exact durations of the few rows the percentiles need. The answer equals the live statement's
 * to the last bit: for periods starting and ending mid-day, with durations of zero, ties and fractions of a second,
 * after a partial rebuild, a refresh and a full rebuild. A team or wijk is always answered live.
 */
class LeadTimesFromTheCountsTest extends ApiTestSupport {

    /** A Monday, 08:00 UTC. */
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    @Autowired
    DashboardAggregates aggregates;

    @Autowired
    DashboardService dashboard;

    private String team;

    @BeforeEach
    void ownTeamAndNoAggregate() {
        aggregates.clear();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = "team-lead-" + suffix;
        jdbc.update("insert into team (id, name) values (?, ?)", team, "Doorlooptijdtest");
        jdbc.update("insert into wijk (id, name, team_id) values (?, ?, ?)", "wijk-lead-" + suffix, "Doorlooptijdwijk", team);
    }

    /** Other tests write history with past times: they must find the calls live again. */
    @AfterEach
    void noAggregateLeftBehind() {
        aggregates.clear();
    }

    @Test
    void allTeamsFromTheCountsPerBucketAreTheLiveStatementsNumbers() {
        // Triage stays of many lengths ending over three weeks, some at the same length, one of no time at all, some
        // with fractions of a second; signaleren stays of zero seconds (a signal triaged at once).
        double[] triageDays = {0, 0.5, 1, 1, 1, 2.25, 3, 3, 4.000001, 7, 9.5, 12, 12, 13.75, 20, 0.0000115};
        for (int i = 0; i < triageDays.length; i++) {
            Instant opened = T0.plus(Duration.ofHours(7L * i));
            UUID caseId = DashboardRows.caseOpenedAt(jdbc, team, household(), opened, null);
            DashboardRows.move(jdbc, caseId, null, "SIGNALEREN", opened);
            DashboardRows.move(jdbc, caseId, "SIGNALEREN", "TRIAGE", opened);
            DashboardRows.move(jdbc, caseId, "TRIAGE", "VRAAGVERHELDERING",
                    opened.plus(Duration.ofNanos((long) (triageDays[i] * 86_400_000_000_000L / 1000) * 1000)));
        }
        DashboardFilter wholeDays = new DashboardFilter(null, null, Instant.parse("2026-01-04T23:00:00Z"),
                Instant.parse("2026-02-01T23:00:00Z"));
        DashboardFilter midDay = new DashboardFilter(null, null, Instant.parse("2026-01-06T09:30:00Z"),
                Instant.parse("2026-01-21T15:45:00Z"));
        DashboardViews.LeadTimes liveWholeDays = dashboard.leadTimes(wholeDays);
        DashboardViews.LeadTimes liveMidDay = dashboard.leadTimes(midDay);
        assertThat(triage(liveWholeDays).cases()).as("this test's stays are in the period").isGreaterThanOrEqualTo(triageDays.length);

        aggregates.rebuildThrough(LocalDate.parse("2026-01-12"));
        assertThat(dashboard.leadTimes(wholeDays)).as("the first week from the counts, the rest live").isEqualTo(liveWholeDays);
        assertThat(dashboard.leadTimes(midDay)).isEqualTo(liveMidDay);
        aggregates.refresh();
        assertThat(dashboard.leadTimes(wholeDays)).as("every whole day from the counts").isEqualTo(liveWholeDays);
        assertThat(dashboard.leadTimes(midDay)).isEqualTo(liveMidDay);
        aggregates.rebuild();
        assertThat(dashboard.leadTimes(wholeDays)).as("after a full rebuild").isEqualTo(liveWholeDays);
        assertThat(dashboard.leadTimes(midDay)).isEqualTo(liveMidDay);
        DashboardFilter oneTeam = new DashboardFilter(team, null, wholeDays.from(), wholeDays.to());
        assertThat(triage(dashboard.leadTimes(oneTeam)).cases()).as("a team: live").isEqualTo(triageDays.length);

        // The answer does come from the counts: five stays without a duration on a day of the period count.
        jdbc.update("insert into dashboard_stay_duration_day (day, stage, bucket, stays) values (date '2026-01-07', 'TRIAGE', -1, 5)");
        assertThat(triage(dashboard.leadTimes(wholeDays)).cases()).isEqualTo(triage(liveWholeDays).cases() + 5);
        assertThat(triage(dashboard.leadTimes(wholeDays)).medianDays()).isEqualTo(triage(liveWholeDays).medianDays());
    }

    /**
     * Counts that name more stays of a bucket than the table holds (stays removed by hand after their day was counted):
     * the call answers live, as if there were no counts, instead of failing (review of decision 0064).
     */
    @Test
    void countsNamingStaysTheTableNoLongerHoldsAreAnsweredLive() {
        for (int i = 0; i < 4; i++) {
            Instant opened = T0.plus(Duration.ofHours(7L * i));
            UUID caseId = DashboardRows.caseOpenedAt(jdbc, team, household(), opened, null);
            DashboardRows.move(jdbc, caseId, null, "SIGNALEREN", opened);
            DashboardRows.move(jdbc, caseId, "SIGNALEREN", "TRIAGE", opened);
            DashboardRows.move(jdbc, caseId, "TRIAGE", "VRAAGVERHELDERING", opened.plus(Duration.ofDays(2 + i)));
        }
        DashboardFilter wholeDays = new DashboardFilter(null, null, Instant.parse("2026-01-04T23:00:00Z"),
                Instant.parse("2026-02-01T23:00:00Z"));
        aggregates.rebuildThrough(LocalDate.parse("2026-01-31"));
        DashboardViews.LeadTimes fromCounts = dashboard.leadTimes(wholeDays);
        // Every triage stay counted for the period removed by hand: the counts now point at stays that are gone.
        jdbc.update("delete from stage_stay where stage = 'TRIAGE' and left_at >= ? and left_at < ?",
                java.sql.Timestamp.from(wholeDays.from()), java.sql.Timestamp.from(wholeDays.to()));
        DashboardViews.LeadTimes answered = dashboard.leadTimes(wholeDays);
        aggregates.clear();
        assertThat(answered).as("the live answer").isEqualTo(dashboard.leadTimes(wholeDays)).isNotEqualTo(fromCounts);
    }

    private UUID household() {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Doorloop', ?, now())", id,
                team.replace("team-", "wijk-"));
        return id;
    }

    private static DashboardViews.LeadTime triage(DashboardViews.LeadTimes leadTimes) {
        return leadTimes.perStage().stream().filter(stage -> stage.stage().equals("TRIAGE")).findFirst().orElseThrow();
    }
}
