package nl.wijkroute.privacy.resident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The team decides whether the household's own view may show what names the concern of a safety case. */
@RestController
@Tag(name = "Inwoner")
class ResidentViewDisclosureController {

    private final ResidentViewDisclosureService disclosures;

    ResidentViewDisclosureController(ResidentViewDisclosureService disclosures) {
        this.disclosures = disclosures;
    }

    @PutMapping("/api/v1/cases/{caseId}/resident-view")
    @Operation(summary = "Mag het huishouden zien wat naar de veiligheidszorg verwijst (alleen het eigen team, met reden)",
            description = "Zolang dit niet is vrijgegeven ziet elk lid van het huishouden in /me geen veiligheidsdoelen, "
                    + "niets van Veilig Thuis en geen veiligheids- of break-the-glass-regels in het inzagelogboek. De stap "
                    + "ziet elk huishouden grof ('ondersteuning'), met of zonder zorg. De laatste beslissing telt; "
                    + "eerdere blijven bewaard.")
    ResidentViews.Disclosure decide(@PathVariable UUID caseId, @Valid @RequestBody ResidentViews.DisclosureRequest request,
                                    CurrentUser user) {
        return disclosures.decide(caseId, request, user);
    }
}
