package nl.wijkroute.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The household's one plan. The version travels as the ETag and as basedOnVersion in edits. */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/plan")
@Tag(name = "Plan")
class PlanController {

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    @PostMapping
    @Operation(summary = "Begin het plan van en met het huishouden (versie 1)")
    ResponseEntity<PlanViews.PlanView> create(@PathVariable UUID caseId, @Valid @RequestBody PlanRequest request,
                                              CurrentUser user) {
        PlanViews.PlanView plan = plans.create(caseId, request, user.username());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/plan")).eTag(etag(plan)).body(plan);
    }

    @PutMapping
    @Operation(summary = "Wijzig het plan: een nieuwe versie op basis van basedOnVersion (409 als die verouderd is)")
    ResponseEntity<PlanViews.PlanView> change(@PathVariable UUID caseId, @Valid @RequestBody PlanRequest request,
                                              CurrentUser user) {
        PlanViews.PlanView plan = plans.change(caseId, request, user.username());
        return ResponseEntity.ok().eTag(etag(plan)).body(plan);
    }

    @PostMapping("/agreement")
    @Operation(summary = "Leg vast dat het huishouden met deze versie instemt (wanneer, hoe, wie)")
    ResponseEntity<PlanViews.PlanView> agree(@PathVariable UUID caseId, @Valid @RequestBody AgreementRequest request,
                                             CurrentUser user) {
        PlanViews.PlanView plan = plans.recordAgreement(caseId, request, user.username());
        return ResponseEntity.ok().eTag(etag(plan)).body(plan);
    }

    @GetMapping
    @Operation(summary = "Het plan zoals het nu is")
    ResponseEntity<PlanViews.PlanView> current(@PathVariable UUID caseId) {
        PlanViews.PlanView plan = plans.current(caseId);
        return ResponseEntity.ok().eTag(etag(plan)).body(plan);
    }

    @GetMapping("/versions")
    @Operation(summary = "Alle versies: wie, wanneer, waarom, afgesproken of niet")
    List<PlanViews.VersionSummary> versions(@PathVariable UUID caseId) {
        return plans.versions(caseId);
    }

    @GetMapping("/versions/{number}")
    @Operation(summary = "Eén eerdere versie, precies zoals hij was")
    PlanViews.PlanView version(@PathVariable UUID caseId, @PathVariable @Min(1) int number) {
        return plans.version(caseId, number);
    }

    @GetMapping("/diff")
    @Operation(summary = "Wat er veranderde tussen twee versies, per doel en actie")
    PlanViews.PlanDiff diff(@PathVariable UUID caseId, @RequestParam @Min(1) int from, @RequestParam @Min(1) int to) {
        return plans.diff(caseId, from, to);
    }

    private static String etag(PlanViews.PlanView plan) {
        return "\"" + plan.version() + "\"";
    }
}
