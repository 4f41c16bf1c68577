package nl.wijkroute.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import jakarta.validation.Valid;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springdoc.core.annotations.ParameterObject;

@RestController
@RequestMapping("/api/v1/stagnation-signals")
@Tag(name = "Escalatie")
class StagnationSignalController {

    private final StagnationSignalService signals;
    private final StagnationDetector detector;

    StagnationSignalController(StagnationSignalService signals, StagnationDetector detector) {
        this.signals = signals;
        this.detector = detector;
    }

    @GetMapping
    @Operation(summary = "Open stagnatiesignalen, per team of overal (te lange tijd in een stap, te vaak terug, "
            + "overdracht niet geaccepteerd, termijn in gevaar)")
    PageView<StagnationSignalService.SignalView> open(@RequestParam(required = false) @Size(max = 64) String team,
                                                      @Valid @ParameterObject PageParams paging) {
        return signals.open(team, paging);
    }

    @PostMapping("/detect")
    @Operation(summary = "Zoek nu naar vastgelopen casussen (gebeurt ook dagelijks)")
    Map<String, Integer> detect() {
        return Map.of("raised", detector.detect());
    }
}
