package nl.wijkroute.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.route.CaseStatus;
import nl.wijkroute.route.Stage;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases as workers look them up. Managers see numbers on dashboards, not households. */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Casussen")
class CaseController {

    private final CaseFileService caseFiles;

    CaseController(CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
    }

    @GetMapping
    @Operation(summary = "Zoek casussen op stap, team of wijk")
    PageView<CaseViews.CaseSummary> search(@RequestParam(required = false) Stage stage,
                    @RequestParam(required = false) @Size(max = 64) String team,
                    @RequestParam(required = false) @Size(max = 64) String wijk,
                    @RequestParam(required = false) CaseStatus status,
                    @Valid @ParameterObject PageParams paging) {
        var pageable = paging.pageable(Sort.by(Sort.Direction.DESC, "openedAt").and(Sort.by("id")));
        return PageView.of(caseFiles.search(new SupportCaseService.CaseFilter(stage, team, wijk, status), pageable));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Een casus: huishouden, huidige stap, signalen, triage en open taken")
    CaseViews.CaseDetail get(@PathVariable UUID id) {
        return caseFiles.get(id);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Elke stap van de casus: van, naar, wie, wanneer en waarom")
    List<CaseViews.StepView> history(@PathVariable UUID id) {
        return caseFiles.history(id);
    }
}
