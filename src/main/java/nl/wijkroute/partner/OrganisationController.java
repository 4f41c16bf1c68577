package nl.wijkroute.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springdoc.core.annotations.ParameterObject;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Partners")
class OrganisationController {

    private final OrganisationService organisations;

    OrganisationController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    @Operation(summary = "Alle partnerorganisaties")
    PageView<OrganisationView> all(@Valid @ParameterObject PageParams paging) {
        return organisations.all(paging);
    }

    @Operation(summary = "Eén partnerorganisatie")
    @GetMapping("/{id}")
    OrganisationView get(@PathVariable String id) {
        return organisations.get(id);
    }

    @PostMapping
    @Operation(summary = "Registreer een partnerorganisatie (beheer)")
    ResponseEntity<OrganisationView> register(@Valid @RequestBody OrganisationRequest request) {
        OrganisationView created = organisations.register(request);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Wijzig of deactiveer een partnerorganisatie (beheer)")
    OrganisationView change(@PathVariable String id, @Valid @RequestBody OrganisationRequest request) {
        return organisations.change(id, request);
    }
}
