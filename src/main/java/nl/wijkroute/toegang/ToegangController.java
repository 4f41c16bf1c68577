package nl.wijkroute.toegang;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.deadline.DeadlineService;
import nl.wijkroute.deadline.DeadlineView;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springdoc.core.annotations.ParameterObject;

@RestController
@Tag(name = "Toegang en termijnen")
class ToegangController {

    private final ToegangService toegang;
    private final DeadlineService deadlines;

    ToegangController(ToegangService toegang, DeadlineService deadlines) {
        this.toegang = toegang;
        this.deadlines = deadlines;
    }

    @PostMapping("/api/v1/cases/{caseId}/toegang")
    @Operation(summary = "Vraag toegang aan voor een maatwerkvoorziening (per wet); de wettelijke termijn start")
    ResponseEntity<ToegangDtos.ToegangView> request(@PathVariable UUID caseId,
                                                    @Valid @RequestBody ToegangDtos.ToegangRequestInput input, CurrentUser user) {
        ToegangDtos.ToegangView view = toegang.request(caseId, input, user.username());
        return ResponseEntity.created(URI.create("/api/v1/toegang/" + view.id())).body(view);
    }

    @Operation(summary = "De toegangsaanvragen van een casus, met hun besluit")
    @GetMapping("/api/v1/cases/{caseId}/toegang")
    List<ToegangDtos.ToegangView> forCase(@PathVariable UUID caseId) {
        return toegang.forCase(caseId);
    }

    @GetMapping("/api/v1/cases/{caseId}/deadlines")
    @Operation(summary = "Wettelijke termijnen van een casus, met het aantal werkdagen dat nog rest")
    List<DeadlineView> deadlinesOfCase(@PathVariable UUID caseId) {
        return deadlines.forCase(caseId);
    }

    @GetMapping("/api/v1/toegang")
    @Operation(summary = "De werkvoorraad van toegang: aanvragen in onderzoek of wachtend op besluit")
    PageView<ToegangDtos.ToegangView> open(@Valid @ParameterObject PageParams paging, CurrentUser user) {
        return toegang.open(user, paging);
    }

    @Operation(summary = "Eén toegangsaanvraag")
    @GetMapping("/api/v1/toegang/{id}")
    ToegangDtos.ToegangView get(@PathVariable UUID id) {
        return toegang.get(id);
    }

    @PostMapping("/api/v1/toegang/{id}/onderzoek")
    @Operation(summary = "Wmo: onderzoek afgerond, aanvraag ontvangen; de termijn voor de beschikking start")
    ToegangDtos.ToegangView onderzoekDone(@PathVariable UUID id, @Valid @RequestBody ToegangDtos.OnderzoekDone input,
                                          CurrentUser user) {
        return toegang.onderzoekDone(id, input, user.username());
    }

    @PostMapping("/api/v1/toegang/{id}/decision")
    @Operation(summary = "Besluit: toegekend (met looptijd), deels of afgewezen (met reden en of cliëntondersteuning is "
            + "aangeboden); een (gedeeltelijke) afwijzing stuurt de casus terug naar plan of toeleiding")
    ToegangDtos.ToegangView decide(@PathVariable UUID id, @Valid @RequestBody ToegangDtos.DecisionInput input, CurrentUser user) {
        return toegang.decide(id, input, user.username());
    }

    @PostMapping("/api/v1/toegang/{id}/bezwaar")
    @Operation(summary = "Het huishouden maakt bezwaar tegen het besluit; de beslistermijn op bezwaar (Awb 7:10) start")
    ResponseEntity<ToegangDtos.BezwaarView> object(@PathVariable UUID id, @Valid @RequestBody ToegangDtos.BezwaarInput input,
                                                   CurrentUser user) {
        ToegangDtos.BezwaarView view = toegang.object(id, input, user.username());
        return ResponseEntity.created(URI.create("/api/v1/toegang/" + id + "/bezwaar")).body(view);
    }

    @GetMapping("/api/v1/toegang/{id}/bezwaar")
    @Operation(summary = "Het bezwaar tegen het besluit, met zijn termijn en uitkomst")
    ToegangDtos.BezwaarView bezwaar(@PathVariable UUID id) {
        return toegang.bezwaar(id);
    }

    @PostMapping("/api/v1/toegang/{id}/bezwaar/decision")
    @Operation(summary = "Beslissing op bezwaar: gegrond (met het besluit dat ervoor in de plaats komt), ongegrond, "
            + "niet-ontvankelijk of ingetrokken")
    ToegangDtos.BezwaarView decideBezwaar(@PathVariable UUID id, @Valid @RequestBody ToegangDtos.BezwaarDecisionInput input,
                                          CurrentUser user) {
        return toegang.decideBezwaar(id, input, user.username());
    }

    @PostMapping("/api/v1/toegang/{id}/herindicatie")
    @Operation(summary = "De herindicatie voor het einde van de toekenning is gedaan")
    ToegangDtos.ToegangView herindicatieDone(@PathVariable UUID id, CurrentUser user) {
        return toegang.herindicatieDone(id, user.username());
    }

    @PostMapping("/api/v1/deadlines/{id}/extend")
    @Operation(summary = "Verdaag de beslissing op bezwaar met zes weken (Awb 7:10 lid 3), met reden")
    DeadlineView extend(@PathVariable UUID id, @Valid @RequestBody ToegangDtos.ExtendInput input, CurrentUser user) {
        return deadlines.extend(id, input.reason(), user.username());
    }

    @PostMapping("/api/v1/deadlines/{id}/suspend")
    @Operation(summary = "Schort een termijn op (Awb 4:15), met reden")
    DeadlineView suspend(@PathVariable UUID id, @Valid @RequestBody ToegangDtos.SuspendInput input, CurrentUser user) {
        return deadlines.suspend(id, input.since(), input.reason(), user.username());
    }

    @PostMapping("/api/v1/deadlines/{id}/resume")
    @Operation(summary = "Hervat een opgeschorte termijn; de einddatum schuift mee")
    DeadlineView resume(@PathVariable UUID id, @Valid @RequestBody ToegangDtos.ResumeInput input) {
        return deadlines.resume(id, input.on());
    }

    @GetMapping("/api/v1/deadlines")
    @Operation(summary = "Termijnen in gevaar of overschreden, per team of overal")
    PageView<DeadlineView> atRisk(@RequestParam(required = false) @Size(max = 64) String team,
                                  @Valid @ParameterObject PageParams paging) {
        return deadlines.atRisk(team, paging);
    }
}
