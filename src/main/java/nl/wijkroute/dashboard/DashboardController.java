package nl.wijkroute.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.wijkroute.system.problem.InvalidInputException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Managers' indicators per team, wijk and period. Aggregates only; small groups are suppressed. */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Dashboard")
class DashboardController {

    private static final Duration MAX_PERIOD = Duration.ofDays(3 * 366);

    private final DashboardService dashboard;
    private final Clock clock;
    private final SelfSufficiencyChangeIndicator selfSufficiency;

    DashboardController(DashboardService dashboard, Clock clock, SelfSufficiencyChangeIndicator selfSufficiency) {
        this.selfSufficiency = selfSufficiency;
        this.dashboard = dashboard;
        this.clock = clock;
    }

    @GetMapping("/work-in-progress")
    @Operation(summary = "Casussen per stap op een moment (standaard nu)")
    DashboardViews.WorkInProgress workInProgress(@RequestParam(required = false) @Size(max = 64) String team,
                                                 @RequestParam(required = false) @Size(max = 64) String wijk,
                                                 @RequestParam(required = false) Instant asOf) {
        return dashboard.workInProgress(new DashboardFilter(team, wijk, Instant.EPOCH, clock.instant()), asOf);
    }

    @GetMapping("/lead-times")
    @Operation(summary = "Doorlooptijd per stap en voor de hele route: mediaan en 80e percentiel, in dagen")
    DashboardViews.LeadTimes leadTimes(@Valid @ParameterObject Period period) {
        return dashboard.leadTimes(filter(period));
    }

    @GetMapping("/flow")
    @Operation(summary = "Signalen per bron, gestarte en beëindigde casussen per week of maand")
    List<DashboardViews.FlowPeriod> flow(@Valid @ParameterObject Period period,
                                         @RequestParam(defaultValue = "WEEK") DashboardService.Granularity granularity) {
        return dashboard.flow(filter(period), granularity);
    }

    @GetMapping("/deadlines")
    @Operation(summary = "Naleving van wettelijke termijnen per wet (termijnen die in de periode aflopen)")
    List<DashboardViews.DeadlineCompliance> deadlines(@Valid @ParameterObject Period period) {
        return dashboard.deadlineCompliance(filter(period));
    }

    @GetMapping("/bezwaren")
    @Operation(summary = "Bezwaren per wet (ontvangen in de periode) en hun uitkomst")
    List<DashboardViews.BezwaarOutcomes> bezwaren(@Valid @ParameterObject Period period) {
        return dashboard.bezwaren(filter(period));
    }

    @GetMapping("/escalations")
    @Operation(summary = "Escalaties per oorzaak en de tijd tot de doorbraak")
    List<DashboardViews.EscalationCount> escalations(@Valid @ParameterObject Period period) {
        return dashboard.escalations(filter(period));
    }

    @GetMapping("/handovers")
    @Operation(summary = "Warme overdrachten: uitkomst en tijd tot acceptatie")
    DashboardViews.HandoverAcceptance handovers(@Valid @ParameterObject Period period) {
        return dashboard.handovers(filter(period));
    }

    @GetMapping("/front-door")
    @Operation(summary = "Beweging naar de voorkant: aandeel opgelost zonder indicatie")
    DashboardViews.FrontDoor frontDoor(@Valid @ParameterObject Period period) {
        return dashboard.frontDoor(filter(period));
    }

    @GetMapping("/recurrence")
    @Operation(summary = "Terugval: opnieuw gesignaleerd binnen 12 maanden na het einde van de ondersteuning")
    DashboardViews.Recurrence recurrence(@Valid @ParameterObject Period period) {
        return dashboard.recurrence(filter(period));
    }

    @GetMapping("/goals-attained")
    @Operation(summary = "Uitkomst: aandeel bereikte doelen per leefgebied (laatste evaluatie per doel in de periode)")
    List<DashboardViews.GoalsAttained> goalsAttained(@Valid @ParameterObject Period period) {
        return dashboard.goalsAttained(filter(period));
    }

    @GetMapping("/one-regisseur")
    @Operation(summary = "Uitkomst: aandeel casussen met precies één casusregisseur in de hele planfase")
    DashboardViews.OneRegisseur oneRegisseur(@Valid @ParameterObject Period period) {
        return dashboard.oneRegisseur(filter(period));
    }

    @GetMapping("/involvement")
    @Operation(summary = "Uitkomst: actieve organisaties en professionals per huishouden (mediaan, P80, verdeling)")
    DashboardViews.Involvement involvement(@Valid @ParameterObject Period period) {
        return dashboard.involvement(filter(period));
    }

    @GetMapping("/short-route")
    @Operation(summary = "Uitkomst: aandeel korte-routecasussen opgelost in het voorliggend veld")
    DashboardViews.ShortRoute shortRoute(@Valid @ParameterObject Period period) {
        return dashboard.shortRoute(filter(period));
    }

    @GetMapping("/self-sufficiency-change")
    @Operation(summary = "Uitkomst: verandering van de zelfredzaamheid per leefgebied, eerste tegen laatste score (mediaan)")
    List<SelfSufficiencyChangeIndicator.SelfSufficiencyChange> selfSufficiencyChange(@Valid @ParameterObject Period period) {
        return selfSufficiency.changes(filter(period));
    }

    /** The query parameters every indicator takes: team, wijk and the period [from, to). */
    record Period(@Size(max = 64) String team, @Size(max = 64) String wijk, Instant from, Instant to) {
    }

    private DashboardFilter filter(Period period) {
        return filter(period, clock);
    }

    /** Default period: the last 90 days. Also for the dashboard's other controllers (SafetyDashboardController). */
    static DashboardFilter filter(Period period, Clock clock) {
        Instant end = period.to() == null ? clock.instant() : period.to();
        Instant start = period.from() == null ? end.minus(Duration.ofDays(90)) : period.from();
        if (!start.isBefore(end)) {
            throw new InvalidInputException("from", "De periode begint voor het einde (to).");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidInputException("from", "Een periode is hoogstens drie jaar.");
        }
        return new DashboardFilter(period.team(), period.wijk(), start, end);
    }
}
