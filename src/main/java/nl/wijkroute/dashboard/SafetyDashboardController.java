package nl.wijkroute.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The safety indicators (issue 17), in a controller of their own so the dashboard's others stay as they are. */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Dashboard")
class SafetyDashboardController {

    private final SafetyIndicators indicators;
    private final Clock clock;

    SafetyDashboardController(SafetyIndicators indicators, Clock clock) {
        this.indicators = indicators;
        this.clock = clock;
    }

    @GetMapping("/safety")
    @Operation(summary = "Veiligheid: open casussen met een veiligheidszorg per stap (nu), en dagen van veiligheidssignaal tot meldcodebesluit in de periode")
    SafetyIndicators.Safety safety(@Valid @ParameterObject DashboardController.Period period) {
        return indicators.safety(DashboardController.filter(period, clock));
    }
}
