package nl.wijkroute.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
    @Operation(summary = "Stand van de vraagverheldering: gesignaleerde en nog open leefgebieden, beoordelingen, eigenlijke vraag")
    VraagverhelderingView view(@PathVariable UUID caseId) {
        return assessments.view(caseId);
    }

    @PutMapping("/{memberId}/{leefgebied}")
    @Operation(summary = "Leg de zelfredzaamheid van één lid op één leefgebied vast (vervangt een eerdere)")
    VraagverhelderingView assess(@PathVariable UUID caseId, @PathVariable UUID memberId, @PathVariable Leefgebied leefgebied,
                                 @Valid @RequestBody AssessmentRequest request, CurrentUser user) {
        return assessments.assess(caseId, memberId, leefgebied, request, user.username());
    }
}
