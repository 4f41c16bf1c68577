package nl.wijkroute.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.wijkroute.dashboard.DashboardFilter;
import nl.wijkroute.dashboard.DashboardService;
import nl.wijkroute.dashboard.DashboardViews;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Evidence per theme from the dashboard's aggregates: sorted under the right theme, suppression kept. */
class ReflectionEvidenceTest {

    @Test
    void dashboardAggregatesLandUnderTheirThemeAndSuppressedGroupsStayHidden() {
        DashboardService dashboard = mock(DashboardService.class);
        when(dashboard.minGroupSize()).thenReturn(5);
        when(dashboard.handovers(any())).thenReturn(new DashboardViews.HandoverAcceptance(12L, 8L, 3L, 1L, 30.5, 60.0, false));
        when(dashboard.leadTimes(any())).thenReturn(new DashboardViews.LeadTimes(List.of(
                new DashboardViews.LeadTime("TRIAGE", 20L, 2.0, 4.0, false),
                new DashboardViews.LeadTime("PLAN", 3L, null, null, true)),
                new DashboardViews.LeadTime("ROUTE", 9L, 41.0, 80.0, false)));
        when(dashboard.deadlineCompliance(any())).thenReturn(List.of(
                new DashboardViews.DeadlineCompliance("WMO", 10L, 7L, 3L, 0L, 0.7, false)));
        when(dashboard.recurrence(any())).thenReturn(new DashboardViews.Recurrence(null, null, null, true));
        when(dashboard.escalations(any())).thenReturn(List.of(
                new DashboardViews.EscalationCount("PARTIES_WAIT_FOR_EACH_OTHER", 6L, 3.0, false),
                new DashboardViews.EscalationCount("FINANCING_CONFLICT", null, null, true),
                new DashboardViews.EscalationCount("SAFETY", 7L, 1.0, false)));
        when(dashboard.doorbraakPayers(any())).thenReturn(new DashboardViews.DoorbraakPayers(9L, 4L, false));
        when(dashboard.multiLawHouseholds(any())).thenReturn(new DashboardViews.MultiLawHouseholds(null, null, true));
        when(dashboard.refusalsFollowedByOtherLaw(any())).thenReturn(new DashboardViews.RefusalsFollowedByOtherLaw(6L, 2L, false));
        when(dashboard.repeatedBackMoves(any())).thenReturn(new DashboardViews.RepeatedBackMoves(11L, 5L, false));
        when(dashboard.suspendedTerms(any())).thenReturn(new DashboardViews.SuspendedTerms(10L, 3L, false));
        when(dashboard.decisionOutcomes(any())).thenReturn(new DashboardViews.DecisionOutcomes(8L, 1L, 1L, 0.25, false));
        ArgumentCaptor<DashboardFilter> filter = ArgumentCaptor.forClass(DashboardFilter.class);

        ReflectionEvidence.Evidence evidence = new ReflectionEvidence(dashboard)
                .compute(ScopeType.WIJK, "noord", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 29));

        org.mockito.Mockito.verify(dashboard).handovers(filter.capture());
        assertThat(filter.getValue()).as("the wijk, the Dutch days of the period, the last day included").isEqualTo(
                new DashboardFilter(null, "noord", Instant.parse("2026-08-31T22:00:00Z"), Instant.parse("2026-11-29T23:00:00Z")));
        Map<ReflectionTheme, ReflectionEvidence.ThemeEvidence> themes = evidence.themes().stream()
                .collect(Collectors.toMap(ReflectionEvidence.ThemeEvidence::theme, theme -> theme));
        assertThat(values(themes.get(ReflectionTheme.SAMENSPEL))).containsExactly(
                "handoversProposed=12.0", "handoversDeclined=3.0", "handoversPending=1.0", "handoverMedianHoursToAccept=30.5",
                "escalations.PARTIES_WAIT_FOR_EACH_OTHER=6.0");
        assertThat(values(themes.get(ReflectionTheme.SLIM_GELD))).containsExactly("doorbrakenWithTemporaryPayer=4.0",
                "escalations.FINANCING_CONFLICT=suppressed");
        assertThat(values(themes.get(ReflectionTheme.WETTELIJKE_GRENSCONFLICTEN))).containsExactly(
                "householdsUnderTwoOrMoreLaws=suppressed", "refusalsFollowedByOtherLaw=2.0", "escalations.COLLIDING_LAWS=0.0");
        assertThat(values(themes.get(ReflectionTheme.HELDERE_WERKWIJZE))).containsExactly("leadTimeMedianDays.TRIAGE=2.0",
                "leadTimeMedianDays.PLAN=suppressed", "leadTimeMedianDays.ROUTE=41.0", "casesWithRepeatedBackMoves=5.0",
                "escalations.DETECTED_STAGNATION=0.0");
        assertThat(values(themes.get(ReflectionTheme.DWINGENDE_SYSTEMEN))).containsExactly("termsBreached.WMO=3.0",
                "termsComplianceRate.WMO=0.7", "termsSuspended=3.0", "requestsRefusedOrPartlyShare=0.25",
                "escalations.FORCING_SYSTEMS=0.0");
        assertThat(values(themes.get(ReflectionTheme.VAKMANSCHAP))).containsExactly("recurrenceShare=suppressed",
                "escalations.HOUSEHOLD_DECLINES=0.0");
        assertThat(themes.get(ReflectionTheme.HEILIGE_HUISJES).qualitativeOnly()).isTrue();
        assertThat(themes.get(ReflectionTheme.HEILIGE_HUISJES).indicators()).isEmpty();
        assertThat(evidence.themes()).flatMap(ReflectionEvidence.ThemeEvidence::indicators)
                .extracting(ReflectionEvidence.Indicator::name).as("safety escalations are no theme's evidence")
                .doesNotContain("escalations.SAFETY");
        assertThat(evidence.minGroupSize()).isEqualTo(5);
    }

    private static List<String> values(ReflectionEvidence.ThemeEvidence theme) {
        return theme.indicators().stream().map(i -> i.name() + "=" + (i.suppressed() ? "suppressed" : i.value())).toList();
    }
}
