package nl.wijkroute.handover;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springdoc.core.annotations.ParameterObject;

@RestController
@Tag(name = "Warme overdracht")
class HandoverController {

    enum Direction { INCOMING, OUTGOING }

    record DeclineRequest(@Size(max = 2000) String reason) {
    }

    private final HandoverService handovers;

    HandoverController(HandoverService handovers) {
        this.handovers = handovers;
    }

    @PostMapping("/api/v1/cases/{caseId}/handovers")
    @Operation(summary = "Stel een warme overdracht voor (regie of plan-acties), met samenvatting en toestemming")
    ResponseEntity<HandoverView> propose(@PathVariable UUID caseId, @Valid @RequestBody HandoverRequest request,
                                         CurrentUser user) {
        HandoverView handover = handovers.propose(caseId, request, user);
        return ResponseEntity.created(URI.create("/api/v1/handovers/" + handover.id())).body(handover);
    }

    @GetMapping("/api/v1/handovers")
    @Operation(summary = "Overdrachten aan mijn organisatie (INCOMING) of van mij (OUTGOING)")
    PageView<HandoverView> list(@RequestParam(defaultValue = "INCOMING") Direction direction,
                                @Valid @ParameterObject PageParams paging, CurrentUser user) {
        return direction == Direction.INCOMING ? handovers.incoming(user, paging) : handovers.outgoing(user, paging);
    }

    @Operation(summary = "Eén warme overdracht (de inhoud alleen zolang die gedeeld mag worden)")
    @GetMapping("/api/v1/handovers/{id}")
    HandoverView get(@PathVariable UUID id, CurrentUser user) {
        return handovers.get(id, user);
    }

    @PostMapping("/api/v1/handovers/{id}/accept")
    @Operation(summary = "Accepteer: je wordt casusregisseur of eigenaar van de acties")
    HandoverView accept(@PathVariable UUID id, CurrentUser user) {
        return handovers.accept(id, user);
    }

    @PostMapping("/api/v1/handovers/{id}/decline")
    @Operation(summary = "Weiger met reden; de afzender blijft verantwoordelijk")
    HandoverView decline(@PathVariable UUID id, @Valid @RequestBody DeclineRequest request, CurrentUser user) {
        return handovers.decline(id, user, request.reason());
    }

    @PostMapping("/api/v1/handovers/{id}/withdraw")
    @Operation(summary = "Trek een openstaande overdracht in (alleen de afzender)")
    HandoverView withdraw(@PathVariable UUID id, CurrentUser user) {
        return handovers.withdraw(id, user);
    }
}
