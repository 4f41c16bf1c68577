package nl.wijkroute.privacy.retention;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springdoc.core.annotations.ParameterObject;

@RestController
@RequestMapping("/api/v1/privacy/erasure-requests")
@Tag(name = "Privacy")
class ErasureRequestController {

    private final ErasureRequestService requests;

    ErasureRequestController(ErasureRequestService requests) {
        this.requests = requests;
    }

    @PostMapping
    @Operation(summary = "Registreer een verzoek om gegevens te wissen (AVG art. 17)")
    ResponseEntity<ErasureDtos.ErasureRequestView> register(@Valid @RequestBody ErasureDtos.NewErasureRequest input,
                                                            CurrentUser user) {
        ErasureDtos.ErasureRequestView created = requests.register(input, user.username());
        return ResponseEntity.created(URI.create("/api/v1/privacy/erasure-requests/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "Alle verwijderverzoeken, nieuwste eerst")
    PageView<ErasureDtos.ErasureRequestView> all(@Valid @ParameterObject PageParams paging) {
        return requests.all(paging);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Eén verwijderverzoek")
    ErasureDtos.ErasureRequestView get(@PathVariable UUID id) {
        return requests.get(id);
    }

    @PostMapping("/{id}/decision")
    @Operation(summary = "Besluit op een verwijderverzoek en voer het uit",
            description = "GRANTED wist alles en kan alleen als er geen casus open of in nazorg is (anders 409). "
                    + "PARTLY_GRANTED wist de dossiers van afgesloten casussen en houdt toegangsbesluiten, de identiteit "
                    + "waar die over gaan en een lopende casus. REFUSED wist niets. Bij PARTLY_GRANTED en REFUSED is "
                    + "legalException (AVG art. 17 lid 3) verplicht. expectedVersion voorkomt dat twee besluiten elkaar kruisen.")
    ErasureDtos.ErasureRequestView decide(@PathVariable UUID id, @Valid @RequestBody ErasureDtos.DecisionInput input,
                                          CurrentUser user) {
        return requests.decide(id, input, user.username());
    }
}
