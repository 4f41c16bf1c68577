package nl.wijkroute.privacy.breakglass;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.household.ValidBsn;
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
@Tag(name = "Privacy")
class BreakGlassController {

    private final BreakGlassService breakGlass;

    BreakGlassController(BreakGlassService breakGlass) {
        this.breakGlass = breakGlass;
    }

    /** Names the case by its id, or the household by a member's BSN (a phone call about a person). */
    record BreakGlassRequest(UUID caseId, @ValidBsn String bsn, @NotBlank @Size(min = 10, max = 2000) String reason) {
    }

    record ReviewRequest(@NotNull BreakGlassService.Verdict verdict, @Size(max = 2000) String note) {
    }

    @PostMapping("/api/v1/break-glass")
    @Operation(summary = "Doorbreek de afscherming van een casus buiten je team (spoed, veiligheid)",
            description = "Alleen in een urgente veiligheidssituatie (procesregisseur: met opgegeven reden). Geeft voor "
                    + "beperkte tijd toegang; elke inzage wordt gemarkeerd gelogd en de privacy officer beoordeelt achteraf. "
                    + "Met caseId: 201 met de toegang. Met een BSN: altijd 202 met hetzelfde antwoord, of het BSN bekend is "
                    + "of niet; een bekende casus staat daarna in je casuslijst. Elke poging wordt gelogd.")
    ResponseEntity<?> open(@Valid @RequestBody BreakGlassRequest request, CurrentUser user) {
        if (request.bsn() != null) {
            // 202 for every BSN: whether it belongs to a known household is not the answer's to tell.
            return ResponseEntity.accepted().body(breakGlass.openByBsn(request.caseId(), request.bsn(), request.reason(), user));
        }
        BreakGlassService.GrantView grant = breakGlass.open(request.caseId(), request.reason(), user);
        return ResponseEntity.created(URI.create("/api/v1/break-glass/" + grant.id())).body(grant);
    }

    @GetMapping("/api/v1/break-glass")
    @Operation(summary = "Doorbraken ter beoordeling (of alle, met reviewed=true)")
    PageView<BreakGlassService.GrantView> list(@RequestParam(defaultValue = "false") boolean reviewed,
                                               @Valid @ParameterObject PageParams paging) {
        return breakGlass.list(reviewed, paging);
    }

    @PostMapping("/api/v1/break-glass/{id}/review")
    @Operation(summary = "Beoordeel een doorbraak: terecht of onterecht, met toelichting")
    BreakGlassService.GrantView review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request, CurrentUser user) {
        return breakGlass.review(id, request.verdict(), request.note(), user);
    }
}
