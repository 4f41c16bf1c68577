package nl.wijkroute.reflection;

import java.time.LocalDate;
import java.time.ZoneId;
import nl.wijkroute.system.MunicipalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.wijkroute.dashboard.DashboardFilter;
import nl.wijkroute.dashboard.DashboardService;
import nl.wijkroute.dashboard.DashboardViews;
import nl.wijkroute.escalation.EscalationCause;
import org.springframework.stereotype.Component;

/**
 * What the route itself shows per theme, for a session's scope and period: the dashboard's aggregates
 * (its queries, its suppression of small groups) sorted under the theme they speak to, and the escalations
 * whose cause maps to the theme. Botsende waarden and Heilige huisjes are qualitative: what the route records
 * cannot show values colliding or a habit nobody questions (decision 0039). Computed once, when scoring
 * closes, and frozen with the session.
 */
@Component
class ReflectionEvidence {

    private static final ZoneId MUNICIPALITY_ZONE = MunicipalTime.ZONE;

    record Indicator(String name, String label, Double value, boolean suppressed) {
    }

    record ThemeEvidence(ReflectionTheme theme, String label, boolean qualitativeOnly, List<Indicator> indicators) {
    }

    record Evidence(ScopeType scopeType, String scopeId, LocalDate from, LocalDate to, int minGroupSize,
                    List<ThemeEvidence> themes) {
    }

    private final DashboardService dashboard;

    ReflectionEvidence(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    /** The theme an escalation cause speaks to, if any (exactly one or none). */
    static java.util.Optional<ReflectionTheme> themeOf(EscalationCause cause) {
        return cause.reflectieThema() == null ? java.util.Optional.empty() : ReflectionTheme.byLabel(cause.reflectieThema());
    }

    Evidence compute(ScopeType scopeType, String scopeId, LocalDate from, LocalDate toInclusive) {
        DashboardFilter filter = new DashboardFilter(scopeType == ScopeType.TEAM ? scopeId : null,
                scopeType == ScopeType.WIJK ? scopeId : null, from.atStartOfDay(MUNICIPALITY_ZONE).toInstant(),
                toInclusive.plusDays(1).atStartOfDay(MUNICIPALITY_ZONE).toInstant());
        Map<ReflectionTheme, List<Indicator>> byTheme = new EnumMap<>(ReflectionTheme.class);
        for (ReflectionTheme theme : ReflectionTheme.values()) {
            byTheme.put(theme, new ArrayList<>());
        }

        DashboardViews.HandoverAcceptance handovers = dashboard.handovers(filter);
        List<Indicator> samenspel = byTheme.get(ReflectionTheme.SAMENSPEL);
        samenspel.add(count("handoversProposed", "Warme overdrachten voorgesteld", handovers.proposed(), handovers.suppressed()));
        samenspel.add(count("handoversDeclined", "Warme overdrachten geweigerd", handovers.declined(), handovers.suppressed()));
        samenspel.add(count("handoversPending", "Warme overdrachten nog niet geaccepteerd", handovers.pending(), handovers.suppressed()));
        samenspel.add(new Indicator("handoverMedianHoursToAccept", "Mediaan uren tot acceptatie",
                handovers.medianHoursToAccept(), handovers.suppressed()));

        List<Indicator> werkwijze = byTheme.get(ReflectionTheme.HELDERE_WERKWIJZE);
        DashboardViews.LeadTimes leadTimes = dashboard.leadTimes(filter);
        leadTimes.perStage().forEach(stage -> werkwijze.add(new Indicator("leadTimeMedianDays." + stage.stage(),
                "Mediane doorlooptijd " + stage.stage() + " (dagen)", stage.medianDays(), stage.suppressed())));
        werkwijze.add(new Indicator("leadTimeMedianDays.ROUTE", "Mediane doorlooptijd hele route (dagen)",
                leadTimes.wholeRoute().medianDays(), leadTimes.wholeRoute().suppressed()));

        List<Indicator> systemen = byTheme.get(ReflectionTheme.DWINGENDE_SYSTEMEN);
        for (DashboardViews.DeadlineCompliance law : dashboard.deadlineCompliance(filter)) {
            systemen.add(count("termsBreached." + law.law(), "Wettelijke termijnen overschreden (" + law.law() + ")",
                    law.breached(), law.suppressed()));
            systemen.add(new Indicator("termsComplianceRate." + law.law(), "Aandeel termijnen op tijd (" + law.law() + ")",
                    law.complianceRate(), law.suppressed()));
        }

        DashboardViews.DoorbraakPayers payers = dashboard.doorbraakPayers(filter);
        byTheme.get(ReflectionTheme.SLIM_GELD).add(count("doorbrakenWithTemporaryPayer", "Doorbraken met een tijdelijke betaler",
                payers.withTemporaryPayer(), payers.suppressed()));
        DashboardViews.MultiLawHouseholds multiLaw = dashboard.multiLawHouseholds(filter);
        byTheme.get(ReflectionTheme.WETTELIJKE_GRENSCONFLICTEN).add(count("householdsUnderTwoOrMoreLaws",
                "Huishoudens met aanvragen onder twee of meer wetten", multiLaw.underTwoOrMoreLaws(), multiLaw.suppressed()));
        DashboardViews.RefusalsFollowedByOtherLaw refusals = dashboard.refusalsFollowedByOtherLaw(filter);
        byTheme.get(ReflectionTheme.WETTELIJKE_GRENSCONFLICTEN).add(count("refusalsFollowedByOtherLaw",
                "Afwijzingen gevolgd door een aanvraag onder een andere wet", refusals.followedByOtherLaw(), refusals.suppressed()));
        DashboardViews.RepeatedBackMoves backMoves = dashboard.repeatedBackMoves(filter);
        werkwijze.add(count("casesWithRepeatedBackMoves", "Casussen met twee of meer stappen terug",
                backMoves.casesWithTwoOrMore(), backMoves.suppressed()));
        DashboardViews.SuspendedTerms suspended = dashboard.suspendedTerms(filter);
        systemen.add(count("termsSuspended", "Wettelijke termijnen opgeschort", suspended.suspended(), suspended.suppressed()));
        DashboardViews.DecisionOutcomes outcomes = dashboard.decisionOutcomes(filter);
        systemen.add(new Indicator("requestsRefusedOrPartlyShare", "Aandeel aanvragen afgewezen of deels toegekend",
                outcomes.refusedOrPartlyShare(), outcomes.suppressed()));

        DashboardViews.Recurrence recurrence = dashboard.recurrence(filter);
        byTheme.get(ReflectionTheme.VAKMANSCHAP).add(new Indicator("recurrenceShare",
                "Aandeel opnieuw gesignaleerd binnen 12 maanden", recurrence.share(), recurrence.suppressed()));

        Map<EscalationCause, DashboardViews.EscalationCount> escalations = new EnumMap<>(EscalationCause.class);
        dashboard.escalations(filter).forEach(row -> escalations.put(EscalationCause.valueOf(row.cause()), row));
        for (EscalationCause cause : EscalationCause.values()) {
            themeOf(cause).ifPresent(theme -> {
                DashboardViews.EscalationCount row = escalations.get(cause);
                byTheme.get(theme).add(row == null
                        ? new Indicator("escalations." + cause.name(), "Escalaties: " + cause.name(), 0.0, false)
                        : count("escalations." + cause.name(), "Escalaties: " + cause.name(), row.escalations(), row.suppressed()));
            });
        }

        List<ThemeEvidence> themes = new ArrayList<>();
        byTheme.forEach((theme, indicators) -> themes.add(new ThemeEvidence(theme, theme.label(),
                theme == ReflectionTheme.BOTSENDE_WAARDEN || theme == ReflectionTheme.HEILIGE_HUISJES, indicators)));
        return new Evidence(scopeType, scopeId, from, toInclusive, dashboard.minGroupSize(), themes);
    }

    private static Indicator count(String name, String label, Long value, boolean suppressed) {
        return new Indicator(name, label, value == null ? null : value.doubleValue(), suppressed);
    }
}
