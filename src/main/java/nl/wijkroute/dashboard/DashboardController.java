package nl.wijkroute.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.wijkroute.system.problem.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Managers' indicators per team, wijk and period. Aggregates only; small groups are suppressed. */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Dashboard")
@PreAuthorize("hasRole('manager')")
class DashboardController {

    private static final Duration MAX_PERIOD = Duration.ofDays(3 * 366);

    private final DashboardService dashboard;
    private final Clock clock;

    DashboardController(DashboardService dashboard, Clock clock) {
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
    DashboardViews.LeadTimes leadTimes(@RequestParam(required = false) @Size(max = 64) String team,
                                       @RequestParam(required = false) @Size(max = 64) String wijk,
                                       @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return dashboard.leadTimes(filter(team, wijk, from, to));
    }

    @GetMapping("/flow")
    @Operation(summary = "Signalen per bron, gestarte en beëindigde casussen per week of maand")
    List<DashboardViews.FlowPeriod> flow(@RequestParam(required = false) @Size(max = 64) String team,
                                         @RequestParam(required = false) @Size(max = 64) String wijk,
                                         @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                         @RequestParam(defaultValue = "WEEK") DashboardService.Granularity granularity) {
        return dashboard.flow(filter(team, wijk, from, to), granularity);
    }

    @GetMapping("/deadlines")
    @Operation(summary = "Naleving van wettelijke termijnen per wet (termijnen die in de periode aflopen)")
    List<DashboardViews.DeadlineCompliance> deadlines(@RequestParam(required = false) @Size(max = 64) String team,
                                                      @RequestParam(required = false) @Size(max = 64) String wijk,
                                                      @RequestParam(required = false) Instant from,
                                                      @RequestParam(required = false) Instant to) {
        return dashboard.deadlineCompliance(filter(team, wijk, from, to));
    }

    @GetMapping("/escalations")
    @Operation(summary = "Escalaties per oorzaak en de tijd tot de doorbraak")
    List<DashboardViews.EscalationCount> escalations(@RequestParam(required = false) @Size(max = 64) String team,
                                                     @RequestParam(required = false) @Size(max = 64) String wijk,
                                                     @RequestParam(required = false) Instant from,
                                                     @RequestParam(required = false) Instant to) {
        return dashboard.escalations(filter(team, wijk, from, to));
    }

    @GetMapping("/handovers")
    @Operation(summary = "Warme overdrachten: uitkomst en tijd tot acceptatie")
    DashboardViews.HandoverAcceptance handovers(@RequestParam(required = false) @Size(max = 64) String team,
                                                @RequestParam(required = false) @Size(max = 64) String wijk,
                                                @RequestParam(required = false) Instant from,
                                                @RequestParam(required = false) Instant to) {
        return dashboard.handovers(filter(team, wijk, from, to));
    }

    @GetMapping("/front-door")
    @Operation(summary = "Beweging naar de voorkant: aandeel opgelost zonder indicatie")
    DashboardViews.FrontDoor frontDoor(@RequestParam(required = false) @Size(max = 64) String team,
                                       @RequestParam(required = false) @Size(max = 64) String wijk,
                                       @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return dashboard.frontDoor(filter(team, wijk, from, to));
    }

    @GetMapping("/recurrence")
    @Operation(summary = "Terugval: opnieuw gesignaleerd binnen 12 maanden na het einde van de ondersteuning")
    DashboardViews.Recurrence recurrence(@RequestParam(required = false) @Size(max = 64) String team,
                                         @RequestParam(required = false) @Size(max = 64) String wijk,
                                         @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return dashboard.recurrence(filter(team, wijk, from, to));
    }

    /** Default period: the last 90 days. */
    private DashboardFilter filter(String team, String wijk, Instant from, Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(90)) : from;
        if (!start.isBefore(end)) {
            throw new InvalidInputException("from", "De periode begint voor het einde (to).");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidInputException("from", "Een periode is hoogstens drie jaar.");
        }
        return new DashboardFilter(team, wijk, start, end);
    }
}
