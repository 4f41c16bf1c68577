package nl.wijkroute.regie;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases/{caseId}/regie")
@Tag(name = "Regie")
class RegieController {

    private final RegieService regie;

    RegieController(RegieService regie) {
        this.regie = regie;
    }

    record TakeRequest(@Size(max = 2000) String reason) {
    }

    @GetMapping
    @Operation(summary = "Wie heeft nu de casusregie en procesregie, en wie hadden die eerder")
    RegieView view(@PathVariable UUID caseId) {
        return regie.view(caseId);
    }

    @PostMapping("/household")
    @Operation(summary = "Geef de casusregie aan het huishouden zelf (eigen regie)")
    RegieView toHousehold(@PathVariable UUID caseId, @Valid @RequestBody(required = false) TakeRequest request,
                          CurrentUser user) {
        return regie.toHousehold(caseId, user, request == null ? null : request.reason());
    }

    @PostMapping("/take")
    @Operation(summary = "Neem de casusregie die bij je team of bij het huishouden ligt (van het huishouden: met reden)")
    RegieView take(@PathVariable UUID caseId, @Valid @RequestBody(required = false) TakeRequest request, CurrentUser user) {
        return regie.take(caseId, user, request == null ? null : request.reason());
    }
}
