package nl.wijkroute.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stagnation-signals")
@Tag(name = "Escalatie")
class StagnationSignalController {

    private final StagnationSignalService signals;

    StagnationSignalController(StagnationSignalService signals) {
        this.signals = signals;
    }

    @GetMapping
    @PreAuthorize("hasRole('procesregisseur')")
    @Operation(summary = "Open stagnatiesignalen (bijv. een warme overdracht die niet op tijd is geaccepteerd)")
    List<StagnationSignalService.SignalView> open() {
        return signals.open();
    }
}
