package nl.wijkroute.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.partner.OrganisationType;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.system.MunicipalTime;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16.5: the outcome indicators on small hand-made histories in a team of their own, answers computed by
 * hand (the test profile's minimum group is 3). Definitions: docs/dashboard-indicators.md, "Outcomes".
 */
class OutcomeIndicatorsApiTest extends ApiTestSupport {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private static final String PERIOD = "&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z";

    @Autowired
    OrganisationService organisations;

    @Autowired
    DashboardAggregates aggregates;

    private String team;
    private String wijk;

    @BeforeEach
    void ownTeam() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = "team-outc-" + suffix;
        wijk = "wijk-outc-" + suffix;
        jdbc.update("insert into team (id, name) values (?, ?)", team, "Uitkomsttest");
        jdbc.update("insert into wijk (id, name, team_id) values (?, ?, ?)", wijk, "Uitkomstwijk", team);
        organisations.ensure("ggz-breburg", "GGZ Breburg", OrganisationType.GGZ);
    }

    @Test
    void goalsAttainedPerLeefgebiedCountEachGoalsLatestEvaluationInThePeriod() throws Exception {
        UUID first = caseClosedAt(T0.plus(Duration.ofDays(40)));
        UUID second = caseClosedAt(T0.plus(Duration.ofDays(40)));
        UUID third = caseClosedAt(T0.plus(Duration.ofDays(40)));
        evaluate(first, UUID.randomUUID(), "FINANCIEN", "ATTAINED", T0.plus(Duration.ofDays(10)));
        UUID evaluatedTwice = UUID.randomUUID();
        evaluate(second, evaluatedTwice, "FINANCIEN", "NOT_ATTAINED", T0.plus(Duration.ofDays(5)));
        evaluate(second, evaluatedTwice, "FINANCIEN", "ATTAINED", T0.plus(Duration.ofDays(20)));
        evaluate(third, UUID.randomUUID(), "FINANCIEN", "PARTLY", T0.plus(Duration.ofDays(10)));
        evaluate(third, UUID.randomUUID(), "FINANCIEN", "NOT_ATTAINED", T0.plus(Duration.ofDays(10)));
        evaluate(third, UUID.randomUUID(), "FINANCIEN", "ATTAINED", T0.minus(Duration.ofDays(30))); // before the period
        evaluate(first, UUID.randomUUID(), "HUISVESTING", "ATTAINED", T0.plus(Duration.ofDays(10)));

        JsonNode goals = getJson("/api/v1/dashboard/goals-attained?team=" + team + PERIOD, TestUsers.manager());

        assertThat(goals).hasSize(2);
        JsonNode financien = goals.get(0);
        assertThat(financien.get("leefgebied").asText()).isEqualTo("FINANCIEN");
        assertThat(financien.get("cases").asLong()).isEqualTo(3);
        assertThat(financien.get("goals").asLong()).as("four goals; the twice-evaluated one counts once").isEqualTo(4);
        assertThat(financien.get("attained").asLong()).as("its latest evaluation says attained").isEqualTo(2);
        assertThat(financien.get("partly").asLong()).isEqualTo(1);
        assertThat(financien.get("attainedShare").asDouble()).isCloseTo(0.5, within(1e-9));
        JsonNode huisvesting = goals.get(1);
        assertThat(huisvesting.get("leefgebied").asText()).isEqualTo("HUISVESTING");
        assertThat(huisvesting.get("suppressed").asBoolean()).as("one household could be recognised").isTrue();
        assertThat(huisvesting.has("goals")).isFalse();
    }

    @Test
    void oneCasusregisseurThroughoutThePlanPhaseNotCountingTheTeamAsAPerson() throws Exception {
        oneRegisseurHistory();

        JsonNode one = getJson("/api/v1/dashboard/one-regisseur?team=" + team + PERIOD, TestUsers.manager());

        assertThat(one.get("casesEnded").asLong()).isEqualTo(4);
        assertThat(one.get("withOneRegisseur").asLong()).isEqualTo(2);
        assertThat(one.get("share").asDouble()).isCloseTo(0.5, within(1e-9));
    }

    /** Issue 14 (decision 0055): as involvement, one regisseur reads the counts per case before the boundary. */
    @Test
    void oneRegisseurFromTheCountsPerCaseIsTheLiveAnswer() throws Exception {
        oneRegisseurHistory();
        Instant later = T0.plus(Duration.ofDays(40));
        UUID endedLater = caseWithPlanPhase(T0.plus(Duration.ofDays(5)), later);
        regie(endedLater, "PROFESSIONAL", "coach-g", T0, null);
        String url = "/api/v1/dashboard/one-regisseur?team=" + team + PERIOD;
        JsonNode live = getJson(url, TestUsers.manager());
        try {
            aggregates.rebuildThrough(T0.plus(Duration.ofDays(35)).atZone(MunicipalTime.ZONE).toLocalDate());
            assertThat(jdbc.queryForObject("select count(*) from dashboard_case_involvement where team_id = ? and regisseurs is not null",
                    Long.class, team)).as("the four with a plan phase ended before the boundary").isEqualTo(4);
            assertThat(getJson(url, TestUsers.manager())).isEqualTo(live);
            assertThat(live.get("casesEnded").asLong()).isEqualTo(5);
            assertThat(live.get("withOneRegisseur").asLong()).isEqualTo(3);

            // The counts are what the call reads: a changed count changes the answer.
            jdbc.update("update dashboard_case_involvement set regisseurs = 1 where team_id = ? and regisseurs is not null", team);
            assertThat(getJson(url, TestUsers.manager()).get("withOneRegisseur").asLong()).isEqualTo(5);
        } finally {
            aggregates.clear();
        }
    }

    private void oneRegisseurHistory() {
        Instant plan = T0.plus(Duration.ofDays(5));
        Instant closed = T0.plus(Duration.ofDays(30));
        // The team held it until the coach took it during the plan: one regisseur.
        UUID teamThenCoach = caseWithPlanPhase(plan, closed);
        regie(teamThenCoach, "TEAM", team, T0, plan.plus(Duration.ofDays(1)));
        regie(teamThenCoach, "PROFESSIONAL", "coach-a", plan.plus(Duration.ofDays(1)), null);
        // The coach gave it to the household (eigen regie): two.
        UUID coachThenHousehold = caseWithPlanPhase(plan, closed);
        regie(coachThenHousehold, "PROFESSIONAL", "coach-b", T0, plan.plus(Duration.ofDays(10)));
        regie(coachThenHousehold, "HOUSEHOLD", UUID.randomUUID().toString(), plan.plus(Duration.ofDays(10)), null);
        // One coach before the plan phase, the next from its start: one in the plan phase.
        UUID handedOverBeforePlan = caseWithPlanPhase(plan, closed);
        regie(handedOverBeforePlan, "PROFESSIONAL", "coach-c", T0, plan);
        regie(handedOverBeforePlan, "PROFESSIONAL", "coach-d", plan, null);
        // A warme overdracht of regie to a partner's professional during the plan phase: two.
        UUID toPartner = caseWithPlanPhase(plan, closed);
        regie(toPartner, "PROFESSIONAL", "coach-e", T0, plan.plus(Duration.ofDays(3)));
        regie(toPartner, "PROFESSIONAL", "ggz-prof", plan.plus(Duration.ofDays(3)), null);
        // The short route never had a plan phase: not in the group.
        UUID shortRoute = caseClosedAt(closed);
        regie(shortRoute, "PROFESSIONAL", "coach-f", T0, null);
    }

    @Test
    void organisationsAndProfessionalsActivePerHousehold() throws Exception {
        involvementHistory();

        JsonNode involvement = getJson("/api/v1/dashboard/involvement?team=" + team + PERIOD, TestUsers.manager());

        // organisations per case 3, 1, 1, 1; professionals 3, 1, 1, 3
        assertThat(involvement.get("casesEnded").asLong()).isEqualTo(4);
        assertThat(involvement.get("medianOrganisations").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(involvement.get("p80Organisations").asDouble()).as("1,1,1,3 -> 1 + 0.4 * 2").isCloseTo(1.8, within(1e-9));
        assertThat(involvement.get("medianProfessionals").asDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(involvement.get("p80Professionals").asDouble()).as("1,1,3,3 -> 3").isCloseTo(3.0, within(1e-9));
        JsonNode organisationBuckets = involvement.get("organisations");
        assertThat(organisationBuckets.findValuesAsText("count")).containsExactly("0", "1", "2", "3", "4", "5+");
        assertThat(organisationBuckets.get(0).get("cases").asLong()).as("none reveals nobody").isZero();
        assertThat(organisationBuckets.get(3).get("suppressed").asBoolean()).as("the one busy household").isTrue();
        assertThat(organisationBuckets.get(1).get("suppressed").asBoolean())
                .as("suppressed too: else 4 ended minus its 3 gives the busy household's bucket").isTrue();
        assertThat(organisationBuckets.get(1).path("cases").isNull() || organisationBuckets.get(1).path("cases").isMissingNode())
                .as("no number").isTrue();
        long shown = 0;
        for (JsonNode bucket : organisationBuckets) {
            shown += bucket.path("cases").asLong();
        }
        assertThat(shown).as("nothing left to subtract").isZero();
        assertThat(involvement.get("professionals").get(1).get("suppressed").asBoolean()).as("two households").isTrue();
        assertThat(involvement.get("professionals").get(3).get("suppressed").asBoolean()).as("two households").isTrue();
        assertThat(involvement.get("professionals")).hasSize(11);
    }

    /**
     * Issue 14 (decision 0055): cases ended on days the aggregates have taken in are read from the counts per
     * case; the answer is the live count's, and the split at the boundary counts every case once.
     */
    @Test
    void involvementFromTheCountsPerCaseIsTheLiveAnswer() throws Exception {
        involvementHistory();
        UUID later = caseClosedAt(T0.plus(Duration.ofDays(40)));
        move(later, "SIGNALEREN", "TRIAGE", "frontoffice", T0);
        String url = "/api/v1/dashboard/involvement?team=" + team + PERIOD;
        JsonNode live = getJson(url, TestUsers.manager());
        try {
            aggregates.rebuildThrough(T0.plus(Duration.ofDays(35)).atZone(MunicipalTime.ZONE).toLocalDate());
            assertThat(jdbc.queryForObject("select count(*) from dashboard_case_involvement where team_id = ?", Long.class, team))
                    .as("the four cases ended before the boundary; the fifth is counted live").isEqualTo(4);
            assertThat(getJson(url, TestUsers.manager())).isEqualTo(live);
            assertThat(live.get("casesEnded").asLong()).isEqualTo(5);

            // The counts are what the call reads: a changed count changes the answer.
            jdbc.update("update dashboard_case_involvement set professionals = 99 where team_id = ? and professionals = 3 "
                    + "and case_id = (select min(case_id::text)::uuid from dashboard_case_involvement where team_id = ? and professionals = 3)",
                    team, team);
            assertThat(getJson(url, TestUsers.manager()).get("p80Professionals").asDouble()).isGreaterThan(3.0);
        } finally {
            aggregates.clear();
        }
    }

    private void involvementHistory() throws Exception {
        Instant closed = T0.plus(Duration.ofDays(30));
        // A busy household: the team, GGZ (an action and an accepted handover) and schuldhulp (an action);
        // frontoffice, the coach and the GGZ professional who accepted; the engine's moves are nobody.
        UUID busy = caseClosedAt(closed);
        move(busy, "SIGNALEREN", "TRIAGE", "frontoffice", T0);
        move(busy, "TRIAGE", "PLAN", "coach-x", T0.plus(Duration.ofDays(1)));
        move(busy, "PLAN", "NAZORG", "system", closed);
        regie(busy, "TEAM", team, T0, T0.plus(Duration.ofDays(1)));
        regie(busy, "PROFESSIONAL", "coach-x", T0.plus(Duration.ofDays(1)), null);
        planWithPartnerActions(busy, "coach-x", "ggz-breburg", "schuldhulp-x");
        acceptedHandover(busy, "coach-x", "ggz-breburg", "ggz-prof", T0.plus(Duration.ofDays(3)));
        // Two quiet households: the team only, and the front office only.
        for (int i = 0; i < 2; i++) {
            UUID quiet = caseClosedAt(closed);
            move(quiet, "SIGNALEREN", "TRIAGE", "frontoffice", T0);
            move(quiet, "TRIAGE", "NAZORG", "system", closed);
            regie(quiet, "TEAM", team, T0, null);
        }
        // A household with a toegang decision: the team; frontoffice, the coach and the consulent.
        UUID withToegang = caseClosedAt(closed);
        move(withToegang, "SIGNALEREN", "TRIAGE", "frontoffice", T0);
        move(withToegang, "TRIAGE", "PLAN", "coach-z", T0.plus(Duration.ofDays(1)));
        regie(withToegang, "TEAM", team, T0, null);
        jdbc.update("""
                insert into toegang_request (id, case_id, law, provision, received_on, phase, outcome, decided_by, decided_at,
                                             requested_by, requested_at)
                values (?, ?, 'WMO', 'Begeleiding', date '2026-01-06', 'BESLOTEN', 'GRANTED', 'consulent', ?, 'coach-z', ?)
                """, UUID.randomUUID(), withToegang, Timestamp.from(T0.plus(Duration.ofDays(9))),
                Timestamp.from(T0.plus(Duration.ofDays(2))));
    }

    @Test
    void shortRouteCasesSolvedInTheVoorliggendVeld() throws Exception {
        Instant in = T0.plus(Duration.ofDays(10));
        UUID solved = caseClosedAt(in);
        trace(solved, "CONNECTED", "VOORZIENING", null, "Voedselbank", true, true, in);
        UUID thenToegang = caseClosedAt(in);
        trace(thenToegang, "CONNECTED", "VOORZIENING", null, "Maatjesproject", true, true, in);
        jdbc.update("""
                insert into toegang_request (id, case_id, law, provision, received_on, phase, requested_by, requested_at)
                values (?, ?, 'WMO', 'Begeleiding', date '2026-01-20', 'BESLUIT', 'test', ?)
                """, UUID.randomUUID(), thenToegang, Timestamp.from(in.plus(Duration.ofDays(5))));
        UUID toGgz = caseClosedAt(in);
        trace(toGgz, "CONNECTED", "ORGANISATION", "ggz-breburg", "GGZ Breburg", false, false, in);
        UUID passedTwice = caseClosedAt(in);
        trace(passedTwice, "CONNECTED", "VOORZIENING", null, "Formulierenhulp", true, true, in.minus(Duration.ofDays(3)));
        trace(passedTwice, "NEEDS_FULL_ROUTE", null, null, null, false, true, in);
        UUID beforeThePeriod = caseClosedAt(in);
        trace(beforeThePeriod, "CONNECTED", "VOORZIENING", null, "Voedselbank", true, true, T0.minus(Duration.ofDays(30)));

        JsonNode shortRoute = getJson("/api/v1/dashboard/short-route?team=" + team + PERIOD, TestUsers.manager());

        assertThat(shortRoute.get("cases").asLong()).isEqualTo(4);
        assertThat(shortRoute.get("connected").asLong()).as("the latest toeleiding of each case").isEqualTo(3);
        assertThat(shortRoute.get("solvedInVoorliggendVeld").asLong()).isEqualTo(1);
        assertThat(shortRoute.get("voorliggendVeldUsed").asLong()).isEqualTo(3);
        assertThat(shortRoute.get("solvedShare").asDouble()).isCloseTo(0.25, within(1e-9));

        JsonNode quiet = getJson("/api/v1/dashboard/short-route?team=" + team
                + "&from=2025-11-01T00:00:00Z&to=2026-01-01T00:00:00Z", TestUsers.manager());
        assertThat(quiet.get("suppressed").asBoolean()).as("one case in that period").isTrue();
        assertThat(quiet.has("cases")).isFalse();
    }

    private UUID caseClosedAt(Instant closedAt) {
        UUID household = UUID.randomUUID();
        jdbc.update("insert into household (id, display_name, wijk_id, created_at) values (?, 'Uitkomst', ?, now())", household, wijk);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at, closed_at)
                values (?, ?, ?, 'NAZORG', 'NAZORG', ?, ?, ?)
                """, id, household, team, Timestamp.from(closedAt), Timestamp.from(T0), Timestamp.from(closedAt));
        return id;
    }

    private UUID caseWithPlanPhase(Instant plan, Instant closed) {
        UUID caseId = caseClosedAt(closed);
        move(caseId, "VRAAGVERHELDERING", "PLAN", "coach", plan);
        move(caseId, "PLAN", "REGIE", "coach", plan.plus(Duration.ofDays(2)));
        return caseId;
    }

    private void move(UUID caseId, String from, String to, String actor, Instant at) {
        jdbc.update("insert into step_history (case_id, from_stage, to_stage, actor, moved_at) values (?, ?, ?, ?, ?)",
                caseId, from, to, actor, Timestamp.from(at));
    }

    private void regie(UUID caseId, String holderType, String holder, Instant from, Instant until) {
        String organisation = switch (holderType) {
            case "TEAM" -> team;
            case "PROFESSIONAL" -> holder.startsWith("ggz") ? "ggz-breburg" : team;
            default -> null;
        };
        jdbc.update("""
                insert into regie_assignment (id, case_id, kind, holder_type, holder, holder_organisation, started_at,
                                              started_via, ended_at)
                values (?, ?, 'CASUSREGIE', ?, ?, ?, ?, 'TAKEN_WITHIN_TEAM', ?)
                """, UUID.randomUUID(), caseId, holderType, holder, organisation, Timestamp.from(from),
                until == null ? null : Timestamp.from(until));
    }

    private UUID plan(UUID caseId) {
        UUID plan = UUID.randomUUID();
        UUID household = jdbc.queryForObject("select household_id from support_case where id = ?", UUID.class, caseId);
        jdbc.update("insert into plan (id, household_id, case_id, status, current_version, created_at) values (?, ?, ?, 'CLOSED', 1, ?)",
                plan, household, caseId, Timestamp.from(T0));
        return plan;
    }

    private void planWithPartnerActions(UUID caseId, String by, String... organisationIds) throws Exception {
        var actions = new java.util.ArrayList<Object>();
        for (String organisation : organisationIds) {
            actions.add(java.util.Map.of("id", UUID.randomUUID(), "description", "Actie", "ownerType", "PARTNER",
                    "organisationId", organisation, "status", "PLANNED"));
        }
        actions.add(java.util.Map.of("id", UUID.randomUUID(), "description", "Zelf", "ownerType", "HOUSEHOLD", "status", "PLANNED"));
        String content = json.writeValueAsString(java.util.Map.of("goals", java.util.List.of(java.util.Map.of(
                "id", UUID.randomUUID(), "leefgebied", "FINANCIEN", "description", "Doel", "actions", actions))));
        jdbc.update("insert into plan_version (plan_id, number, content, changed_by, changed_at) values (?, 1, cast(? as jsonb), ?, ?)",
                plan(caseId), content, by, Timestamp.from(T0.plus(Duration.ofDays(2))));
    }

    private void acceptedHandover(UUID caseId, String sender, String receiver, String decidedBy, Instant at) {
        jdbc.update("""
                insert into handover (id, case_id, scope, sender, sender_organisation, receiver_organisation, summary, consent,
                                      status, accept_before, decided_by, decided_at, created_at)
                values (?, ?, 'ACTIONS', ?, ?, ?, '{}', '{}', 'ACCEPTED', ?, ?, ?, ?)
                """, UUID.randomUUID(), caseId, sender, team, receiver, Timestamp.from(at.plus(Duration.ofDays(5))), decidedBy,
                Timestamp.from(at.plus(Duration.ofHours(4))), Timestamp.from(at));
    }

    private void evaluate(UUID caseId, UUID goalId, String leefgebied, String attainment, Instant at) {
        UUID plan = jdbc.query("select id from plan where case_id = ?", rs -> rs.next() ? (UUID) rs.getObject(1) : null, caseId);
        jdbc.update("""
                insert into plan_goal_evaluation (id, case_id, plan_id, goal_id, leefgebied, attainment, evaluated_by, evaluated_at)
                values (?, ?, ?, ?, ?, ?, 'coach', ?)
                """, UUID.randomUUID(), caseId, plan == null ? plan(caseId) : plan, goalId, leefgebied, attainment, Timestamp.from(at));
    }

    private void trace(UUID caseId, String outcome, String kind, String organisationId, String connectedTo,
                       boolean inVoorliggendVeld, boolean used, Instant at) {
        jdbc.update("""
                insert into toeleiding_trace (id, case_id, outcome, connection_kind, organisation_id, connected_to,
                                              in_voorliggend_veld, voorliggend_veld_used, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'coach', ?)
                """, UUID.randomUUID(), caseId, outcome, kind, organisationId, connectedTo, inVoorliggendVeld, used,
                Timestamp.from(at));
    }
}
