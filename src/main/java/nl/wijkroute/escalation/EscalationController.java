package nl.wijkroute.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springdoc.core.annotations.ParameterObject;

@RestController
@Tag(name = "Escalatie")
class EscalationController {

    private final EscalationService escalations;

    EscalationController(EscalationService escalations) {
        this.escalations = escalations;
    }

    @PostMapping("/api/v1/cases/{caseId}/escalations")
    @Operation(summary = "Escaleer een vastgelopen casus, met een oorzaak uit de vaste lijst")
    ResponseEntity<EscalationDtos.EscalationView> raise(@PathVariable UUID caseId, @Valid @RequestBody EscalationDtos.RaiseInput input,
                                                        CurrentUser user) {
        EscalationDtos.EscalationView view = escalations.raise(caseId, input, user.username());
        return ResponseEntity.created(URI.create("/api/v1/escalations/" + view.id())).body(view);
    }

    @PostMapping("/api/v1/stagnation-signals/{signalId}/escalate")
    @Operation(summary = "Escaleer op grond van een stagnatiesignaal dat het systeem vond")
    ResponseEntity<EscalationDtos.EscalationView> raiseFromSignal(@PathVariable UUID signalId, CurrentUser user) {
        EscalationDtos.EscalationView view = escalations.raiseFromSignal(signalId, user.username());
        return ResponseEntity.created(URI.create("/api/v1/escalations/" + view.id())).body(view);
    }

    @GetMapping("/api/v1/escalations")
    @Operation(summary = "De wachtrij van de procesregisseurs: open en lopende escalaties")
    PageView<EscalationDtos.EscalationView> queue(@Valid @ParameterObject PageParams paging) {
        return escalations.queue(paging);
    }

    @Operation(summary = "Eén escalatie met haar doorbraak en acties")
    @GetMapping("/api/v1/escalations/{id}")
    EscalationDtos.EscalationView get(@PathVariable UUID id) {
        return escalations.get(id);
    }

    @PostMapping("/api/v1/escalations/{id}/take")
    @Operation(summary = "Neem de procesregie (doorzettingsmacht)")
    EscalationDtos.EscalationView take(@PathVariable UUID id, CurrentUser user) {
        return escalations.take(id, user.username());
    }

    @PostMapping("/api/v1/escalations/{id}/doorbraak")
    @Operation(summary = "Leg het casusoverleg en de doorbraak vast: wat, wie betaalt hoe lang, wie volgt op en wanneer")
    EscalationDtos.EscalationView doorbraak(@PathVariable UUID id, @Valid @RequestBody EscalationDtos.DoorbraakInput input,
                                            CurrentUser user) {
        return escalations.recordDoorbraak(id, input, user.username());
    }

    @Operation(summary = "Vink een actie uit de doorbraak af als gedaan")
    @PostMapping("/api/v1/escalations/{id}/actions/{actionId}/done")
    EscalationDtos.EscalationView actionDone(@PathVariable UUID id, @PathVariable UUID actionId, CurrentUser user) {
        return escalations.actionDone(id, actionId, user.username());
    }

    @PostMapping("/api/v1/escalations/{id}/deescalate")
    @Operation(summary = "Geef de casus terug aan de casusregisseur")
    EscalationDtos.EscalationView deescalate(@PathVariable UUID id, @Valid @RequestBody EscalationDtos.DeescalateInput input,
                                             CurrentUser user) {
        return escalations.deescalate(id, input.note(), user.username());
    }
}
