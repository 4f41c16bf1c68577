package nl.wijkroute.safety;

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
import org.springframework.web.bind.annotation.RestController;

/** The meldcode record, the veiligheidsplan and Veilig Thuis handing a case back. */
@RestController
@RequestMapping("/api/v1/cases/{caseId}")
@Tag(name = "Veiligheid")
class SafetyController {

    private final MeldcodeService meldcode;
    private final VeiligheidsplanService veiligheidsplan;
    private final VeiligThuisService veiligThuis;

    SafetyController(MeldcodeService meldcode, VeiligheidsplanService veiligheidsplan, VeiligThuisService veiligThuis) {
        this.meldcode = meldcode;
        this.veiligheidsplan = veiligheidsplan;
        this.veiligThuis = veiligThuis;
    }

    @GetMapping("/meldcode")
    @Operation(summary = "De meldcode van de casus: de vijf stappen en het besluit (alleen het team)")
    MeldcodeViews.MeldcodeView meldcode(@PathVariable UUID caseId) {
        return meldcode.current(caseId);
    }

    @PutMapping("/meldcode/steps/{step}")
    @Operation(summary = "Leg een stap van de meldcode vast (opnieuw vastleggen voegt een nieuwe versie toe)")
    MeldcodeViews.MeldcodeView recordStep(@PathVariable UUID caseId, @PathVariable MeldcodeStep step,
                                          @Valid @RequestBody MeldcodeViews.StepRequest request, CurrentUser user) {
        return meldcode.record(caseId, step, request, user.username());
    }

    @PostMapping("/veiligheidsplan")
    @Operation(summary = "Begin het veiligheidsplan: veiligheidsvoorwaarden per gezinslid (versie 1)")
    ResponseEntity<VeiligheidsplanViews.PlanView> create(@PathVariable UUID caseId,
                                                         @Valid @RequestBody VeiligheidsplanViews.PlanRequest request,
                                                         CurrentUser user) {
        VeiligheidsplanViews.PlanView plan = veiligheidsplan.create(caseId, request, user.username());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/veiligheidsplan"))
                .eTag(etag(plan)).body(plan);
    }

    @PutMapping("/veiligheidsplan")
    @Operation(summary = "Wijzig het veiligheidsplan: een nieuwe versie op basis van basedOnVersion (409 als die verouderd is)")
    ResponseEntity<VeiligheidsplanViews.PlanView> change(@PathVariable UUID caseId,
                                                         @Valid @RequestBody VeiligheidsplanViews.PlanRequest request,
                                                         CurrentUser user) {
        VeiligheidsplanViews.PlanView plan = veiligheidsplan.change(caseId, request, user.username());
        return ResponseEntity.ok().eTag(etag(plan)).body(plan);
    }

    @PostMapping("/veiligheidsplan/agreement")
    @Operation(summary = "Leg vast met wie van het huishouden en het netwerk deze versie is afgesproken, en wanneer")
    ResponseEntity<VeiligheidsplanViews.PlanView> agree(@PathVariable UUID caseId,
                                                        @Valid @RequestBody VeiligheidsplanViews.AgreementRequest request,
                                                        CurrentUser user) {
        VeiligheidsplanViews.PlanView plan = veiligheidsplan.recordAgreement(caseId, request, user.username());
        return ResponseEntity.ok().eTag(etag(plan)).body(plan);
    }

    @GetMapping("/veiligheidsplan")
    @Operation(summary = "Het veiligheidsplan zoals het nu is (alleen het team)")
    ResponseEntity<VeiligheidsplanViews.PlanView> current(@PathVariable UUID caseId) {
        VeiligheidsplanViews.PlanView plan = veiligheidsplan.current(caseId);
        return ResponseEntity.ok().eTag(etag(plan)).body(plan);
    }

    @GetMapping("/veiligheidsplan/versions")
    @Operation(summary = "Alle versies van het veiligheidsplan: wie, wanneer, waarom, afgesproken of niet")
    List<VeiligheidsplanViews.VersionSummary> versions(@PathVariable UUID caseId) {
        return veiligheidsplan.versions(caseId);
    }

    @GetMapping("/veiligheidsplan/versions/{number}")
    @Operation(summary = "Eén eerdere versie van het veiligheidsplan, precies zoals hij was")
    VeiligheidsplanViews.PlanView version(@PathVariable UUID caseId, @PathVariable @Min(1) int number) {
        return veiligheidsplan.version(caseId, number);
    }

    @PostMapping("/veilig-thuis/return")
    @Operation(summary = "Veilig Thuis draagt terug: zijn voorwaarden in het veiligheidsplan, verder met de planstap")
    VeiligheidsplanViews.PlanView handBack(@PathVariable UUID caseId,
                                           @Valid @RequestBody VeiligheidsplanViews.HandBackRequest request,
                                           CurrentUser user) {
        return veiligThuis.handBack(caseId, request, user.username());
    }

    @GetMapping("/safety")
    @Operation(summary = "Of de casus een veiligheidsplan heeft (voor partners: alleen dat, niet de inhoud)")
    VeiligheidsplanViews.SafetySummary safety(@PathVariable UUID caseId) {
        return veiligheidsplan.summary(caseId);
    }

    private static String etag(VeiligheidsplanViews.PlanView plan) {
        return "\"" + plan.version() + "\"";
    }
}
