package nl.wijkroute.safety;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.UUID;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The case's safety checks ("is iedereen nu veilig, en hoe weten we dat"), for the team. */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/safety-checks")
class SafetyCheckController {

    private final SafetyCheckService checks;

    SafetyCheckController(SafetyCheckService checks) {
        this.checks = checks;
    }

    @GetMapping
    @Operation(summary = "De veiligheidschecks van een casus, nieuwste eerst: per gezinslid veilig ja/nee en hoe we dat weten")
    PageView<SafetyCheckView> history(@PathVariable UUID caseId, @Valid @ParameterObject PageParams paging) {
        return checks.history(caseId, paging);
    }
}
