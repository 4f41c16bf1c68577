package nl.wijkroute.privacy.resident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.wijkroute.plan.PlanViews;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import jakarta.validation.Valid;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springdoc.core.annotations.ParameterObject;

/** The resident's own view, signed in with DigiD (through Keycloak): only their own household. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Inwoner")
class ResidentController {

    private final ResidentService residents;

    ResidentController(ResidentService residents) {
        this.residents = residents;
    }

    @GetMapping
    @Operation(summary = "Waar sta ik: de huidige stap, mijn regisseur en hoe ik die bereik, lopende termijnen")
    ResidentViews.Overview overview(CurrentUser user) {
        return residents.overview(user);
    }

    @GetMapping("/plan")
    @Operation(summary = "Mijn plan zoals het nu is (1 gezin, 1 plan)")
    PlanViews.PlanView plan(CurrentUser user) {
        return residents.plan(user);
    }

    @GetMapping("/access-log")
    @Operation(summary = "Wie heeft mijn gegevens ingezien of gewijzigd, wanneer en waarom")
    PageView<ResidentViews.Access> accessLog(@Valid @ParameterObject PageParams paging, CurrentUser user) {
        return residents.accessLog(user, paging);
    }
}
