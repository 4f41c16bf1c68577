package nl.wijkroute.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.system.MunicipalTime;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decision 0055: work in progress at a past moment and the flow read the dashboard's counts per day for
 * closed days and count the rest live. On a small hand-made history the aggregated answer equals the live
 * one and the hand-computed one — for a moment in the middle of a day, a period starting mid-day, after a
 * full rebuild and after an incremental refresh.
 */
class DashboardAggregatesApiTest extends ApiTestSupport {

    /** A Monday, 08:00 UTC. */
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    /** Two days and twelve hours on: the triage stays of 1 and 2 days have ended, four are open. */
    private static final Instant MOMENT_A = T0.plus(Duration.ofHours(60));
    /** Three days and one hour on: those of 1, 2 and 3 days have ended. */
    private static final Instant MOMENT_B = T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(1));

    @Autowired
    DashboardAggregates aggregates;

    @Autowired
    PlatformTransactionManager transactionManager;

    private String team;
    private String wijk;

    @BeforeEach
    void ownTeamAndNoAggregate() {
        aggregates.clear();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = "team-agg-" + suffix;
        wijk = "wijk-agg-" + suffix;
        jdbc.update("insert into team (id, name) values (?, ?)", team, "Aggregatentest");
        jdbc.update("insert into wijk (id, name, team_id) values (?, ?, ?)", wijk, "Aggregatenwijk", team);
    }

    /** Other tests write history with past times: they must find the calls live again. */
    @AfterEach
    void noAggregateLeftBehind() {
        aggregates.clear();
    }

    @Test
    void workInProgressAtAPastMomentIsTheSameFromTheDailyCountsAsLive() throws Exception {
        for (int days : new int[] {1, 2, 3, 4, 10, 10}) {
            UUID caseId = caseOpenedAt(T0, null);
            move(caseId, null, "SIGNALEREN", T0);
            move(caseId, "SIGNALEREN", "TRIAGE", T0);
            move(caseId, "TRIAGE", "VRAAGVERHELDERING", T0.plus(Duration.ofDays(days)));
        }
        String live = bothMoments();
        assertThat(stage(wip(MOMENT_A), "TRIAGE").get("cases").asLong()).isEqualTo(4);
        assertThat(stage(wip(MOMENT_A), "VRAAGVERHELDERING").get("suppressed").asBoolean()).isTrue();
        assertThat(stage(wip(MOMENT_B), "TRIAGE").get("cases").asLong()).isEqualTo(3);
        assertThat(stage(wip(MOMENT_B), "VRAAGVERHELDERING").get("cases").asLong()).isEqualTo(3);

        aggregates.rebuildThrough(LocalDate.parse("2026-01-06"));
        assertThat(bothMoments()).as("moment A from the counts, B live").isEqualTo(live);
        aggregates.refresh();
        assertThat(jdbc.queryForObject("select sum(entered) from dashboard_stage_day where team_id = ?", Long.class, team))
                .as("the team's 18 stays are in the counts").isEqualTo(18);
        assertThat(bothMoments()).as("both from the counts after the refresh").isEqualTo(live);
        aggregates.rebuild();
        assertThat(bothMoments()).as("after a full rebuild").isEqualTo(live);

        // The answer does come from the counts: one more open triage stay at the end of every day shows.
        jdbc.update("update dashboard_stage_day set open_at_end = open_at_end + 1 where team_id = ? and stage = 'TRIAGE'", team);
        assertThat(stage(wip(MOMENT_A), "TRIAGE").get("cases").asLong()).isEqualTo(5);
    }

    @Test
    void flowFromTheDailyCountsIsTheSameAsLiveAlsoForAPeriodStartingMidDay() throws Exception {
        for (int i = 0; i < 3; i++) {
            UUID caseId = caseOpenedAt(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(8)));
            signal(caseId, "PARTNER", T0.plus(Duration.ofDays(1)));
            signal(caseId, "RESIDENT", T0.plus(Duration.ofDays(9)));
        }
        // Whole weeks and a month's end of the municipality's calendar (decision 0055): midnight in Amsterdam is 23:00 UTC.
        String weeks = "/api/v1/dashboard/flow?team=" + team + "&from=2026-01-04T23:00:00Z&to=2026-01-25T23:00:00Z&granularity=WEEK";
        String monthFromMidDay = "/api/v1/dashboard/flow?team=" + team + "&from=2026-01-06T09:00:00Z&to=2026-01-31T23:00:00Z&granularity=MONTH";
        JsonNode liveWeeks = getJson(weeks, TestUsers.manager());
        JsonNode liveMonth = getJson(monthFromMidDay, TestUsers.manager());
        assertThat(liveWeeks).hasSize(3);
        assertThat(liveWeeks.get(0).get("casesStarted").asLong()).isEqualTo(3);
        assertThat(liveWeeks.get(0).get("signalsBySource").get("PARTNER").asLong()).isEqualTo(3);
        assertThat(liveWeeks.get(1).get("casesClosed").asLong()).isEqualTo(3);
        assertThat(liveWeeks.get(1).get("signalsBySource").get("RESIDENT").asLong()).isEqualTo(3);
        assertThat(liveMonth.get(0).get("casesStarted").asLong()).as("opened before the period began").isZero();
        assertThat(liveMonth.get(0).get("casesClosed").asLong()).isEqualTo(3);
        assertThat(liveMonth.get(0).get("signalsBySource").get("RESIDENT").asLong()).isEqualTo(3);

        aggregates.rebuildThrough(LocalDate.parse("2026-01-12"));
        assertThat(getJson(weeks, TestUsers.manager())).as("first week from the counts, the rest live").isEqualTo(liveWeeks);
        assertThat(getJson(monthFromMidDay, TestUsers.manager())).isEqualTo(liveMonth);
        aggregates.refresh();
        assertThat(getJson(weeks, TestUsers.manager())).as("all from the counts").isEqualTo(liveWeeks);
        assertThat(getJson(monthFromMidDay, TestUsers.manager())).isEqualTo(liveMonth);

        // The answer does come from the counts.
        jdbc.update("update dashboard_flow_day set started = started + 1 where team_id = ? and started > 0", team);
        assertThat(getJson(weeks, TestUsers.manager()).get(0).get("casesStarted").asLong()).isEqualTo(4);
    }

    /**
     * The scheduled run calls the refresh from inside the bean, past the transaction proxy: it failed with
     * "LOCK TABLE can only be used in transaction blocks" and never wrote a day (seen in the 1 M benchmark).
     */
    @Test
    void theScheduledRefreshWritesTheClosedDays() {
        aggregates.refreshOnSchedule();
        assertThat(jdbc.queryForObject("select through_day from dashboard_aggregate_state", LocalDate.class))
                .isEqualTo(jdbc.queryForObject("select cast(now() at time zone ? as date) - 1", LocalDate.class,
                        MunicipalTime.TIME_ZONE));
    }

    /**
     * Two instances whose JVMs have different default zones (the driver gives the session the JVM's): each
     * took the other's aggregate for one of another zone and rebuilt it on every scheduled run. The days are
     * the municipality's on both, so the second instance's refresh keeps what the first wrote.
     */
    @Test
    void anInstanceInAnotherDefaultZoneDoesNotRebuildTheAggregate() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select set_config('TimeZone', 'UTC', true)", String.class);
            aggregates.rebuild();
        });
        // A day long closed that no refresh writes again: it survives a refresh, a rebuild would remove it.
        jdbc.update("insert into dashboard_flow_day (day, team_id, wijk_id, partner, resident, frontoffice, own_observation, started, ended) "
                + "values (date '2000-01-03', ?, ?, 0, 0, 0, 0, 1, 0)", team, wijk);
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select set_config('TimeZone', 'America/New_York', true)", String.class);
            aggregates.refresh();
        });
        assertThat(jdbc.queryForObject("select time_zone from dashboard_aggregate_state", String.class))
                .isEqualTo(MunicipalTime.TIME_ZONE);
        assertThat(jdbc.queryForObject("select count(*) from dashboard_flow_day where team_id = ? and day = date '2000-01-03'",
                Integer.class, team)).as("not rebuilt").isEqualTo(1);
    }

    private String bothMoments() throws Exception {
        return wip(MOMENT_A) + " " + wip(MOMENT_B);
    }

    private JsonNode wip(Instant asOf) throws Exception {
        return getJson("/api/v1/dashboard/work-in-progress?team=" + team + "&asOf=" + asOf, TestUsers.manager());
    }

    private static JsonNode stage(JsonNode wip, String stage) {
        for (JsonNode node : wip.get("stages")) {
            if (node.get("stage").asText().equals(stage)) {
                return node;
            }
        }
        throw new AssertionError("no " + stage + " in " + wip);
    }

    private UUID caseOpenedAt(Instant openedAt, Instant closedAt) {
        UUID household = UUID.randomUUID();
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Aggregaten', ?, now())", household, wijk);
        return DashboardRows.caseOpenedAt(jdbc, team, household, openedAt, closedAt);
    }

    private void move(UUID caseId, String from, String to, Instant at) {
        DashboardRows.move(jdbc, caseId, from, to, at);
    }

    private void signal(UUID caseId, String source, Instant at) {
        DashboardRows.signal(jdbc, caseId, source, at);
    }
}
