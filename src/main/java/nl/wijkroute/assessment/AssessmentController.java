package nl.wijkroute.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases/{caseId}/vraagverheldering")
@Tag(name = "Vraagverheldering")
class AssessmentController {

    private final AssessmentService assessments;

    AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @GetMapping
    @Operation(summary = "Stand van de vraagverheldering: per lid de leefgebieden die bij de leeftijd passen (ingevuld of "
            + "nog leeg), de geschiedenis van alle beoordelingen, de verandering per leefgebied en de eigenlijke vraag")
    VraagverhelderingView view(@PathVariable UUID caseId) {
        return assessments.view(caseId);
    }

    @PutMapping("/{memberId}/{leefgebied}")
    @Operation(summary = "Leg één cel vast: de zelfredzaamheid van één lid op één leefgebied, of 'niet van toepassing' / "
            + "'niet besproken' met reden. Een eerdere beoordeling blijft in de geschiedenis staan.")
    VraagverhelderingView assess(@PathVariable UUID caseId, @PathVariable UUID memberId, @PathVariable Leefgebied leefgebied,
                                 @Valid @RequestBody AssessmentRequest request, CurrentUser user) {
        return assessments.assess(caseId, memberId, leefgebied, request, user.username());
    }

    @GetMapping("/changes")
    @Operation(summary = "Verandering van de zelfredzaamheid per lid en leefgebied (eerste tegen laatste score), voor de "
            + "regisseur van het huishouden; een partner die de casusregie heeft ziet alleen de gedeelde leefgebieden")
    java.util.List<VraagverhelderingView.ScoreChange> changes(@PathVariable UUID caseId) {
        return assessments.changesForRegisseur(caseId);
    }

    @PostMapping("/assessments")
    @Operation(summary = "Leg meerdere cellen tegelijk vast (het hele raster van leden × leefgebieden), alles of niets")
    VraagverhelderingView assessAll(@PathVariable UUID caseId, @Valid @RequestBody AssessmentBatch batch, CurrentUser user) {
        return assessments.assessAll(caseId, batch, user.username());
    }
}
