package nl.wijkroute.reflection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import nl.wijkroute.system.security.CurrentUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reflectietool "Ruimte geeft vaart": sessions, scores, conversation, actions, reports. No personal data. */
@RestController
@RequestMapping("/api/v1/reflection")
@Tag(name = "Reflectie")
class ReflectionController {

    private final ReflectionService reflection;

    ReflectionController(ReflectionService reflection) {
        this.reflection = reflection;
    }

    @GetMapping("/themes")
    @Operation(summary = "De negen thema's met hun schaalvraag (1 heel weinig … 10 heel vaak)")
    List<ReflectionDtos.ThemeView> themes() {
        return reflection.themes();
    }

    @PostMapping("/sessions")
    @Operation(summary = "Plan een reflectiesessie voor de gemeente, een team of een wijk (manager)")
    ResponseEntity<ReflectionDtos.SessionView> create(@Valid @RequestBody ReflectionDtos.CreateSession input, CurrentUser user) {
        ReflectionDtos.SessionView view = reflection.create(input, user);
        return ResponseEntity.created(URI.create("/api/v1/reflection/sessions/" + view.id())).body(view);
    }

    @GetMapping("/sessions")
    @Operation(summary = "Sessies: alle voor een manager, anders die je leidt of waarvoor je bent uitgenodigd")
    PageView<ReflectionDtos.SessionView> list(@Valid @ParameterObject PageParams paging, CurrentUser user) {
        return reflection.list(paging, user);
    }

    @GetMapping("/sessions/{id}")
    @Operation(summary = "Eén sessie met haar deelname en waarschuwingen (te weinig/te veel deelnemers, perspectieven)")
    ReflectionDtos.SessionView get(@PathVariable UUID id, CurrentUser user) {
        return reflection.get(id, user);
    }

    @PostMapping("/sessions/{id}/participants")
    @Operation(summary = "Nodig een deelnemer uit met perspectief en discipline (organisator of gespreksleider)")
    ResponseEntity<ReflectionDtos.SessionView> invite(@PathVariable UUID id,
                                                      @Valid @RequestBody ReflectionDtos.InviteParticipant input, CurrentUser user) {
        return ResponseEntity.status(201).body(reflection.invite(id, input, user));
    }

    @PostMapping("/sessions/{id}/scoring")
    @Operation(summary = "Open de scoreronde")
    ReflectionDtos.SessionView startScoring(@PathVariable UUID id, CurrentUser user) {
        return reflection.startScoring(id, user);
    }

    @PutMapping("/sessions/{id}/scores")
    @Operation(summary = "Jouw scores op alle negen thema's (1–10); nooit per persoon zichtbaar, vast zodra het prioriteren begint")
    ReflectionDtos.ScoresReceipt score(@PathVariable UUID id, @Valid @RequestBody ReflectionDtos.ScoresInput input,
                                       CurrentUser user) {
        return reflection.score(id, input, user);
    }

    @PostMapping("/sessions/{id}/scoring/close")
    @Operation(summary = "Sluit de scoreronde (anders sluit de timer haar): scores vast, bewijs uit de route bevroren")
    ReflectionDtos.SessionView closeScoring(@PathVariable UUID id, CurrentUser user) {
        return reflection.closeScoring(id, user);
    }

    @GetMapping("/sessions/{id}/results")
    @Operation(summary = "Prioriteit per thema: mediaan, gemiddelde, n, verdeling, verschil in beleving")
    ReflectionDtos.ResultsView results(@PathVariable UUID id, CurrentUser user) {
        return reflection.results(id, user);
    }

    @PostMapping("/sessions/{id}/priorities")
    @Operation(summary = "Kies de thema's voor het gesprek")
    ReflectionDtos.SessionView priorities(@PathVariable UUID id, @Valid @RequestBody ReflectionDtos.PrioritiesInput input,
                                          CurrentUser user) {
        return reflection.choosePriorities(id, input, user);
    }

    @PutMapping("/sessions/{id}/notes/{theme}")
    @Operation(summary = "Gespreksnotities bij een gekozen thema (geen persoonsgegevens van inwoners)")
    ReflectionDtos.NoteView note(@PathVariable UUID id, @PathVariable ReflectionTheme theme,
                                 @Valid @RequestBody ReflectionDtos.NoteInput input, CurrentUser user) {
        return reflection.note(id, theme, input, user);
    }

    @PostMapping("/sessions/{id}/conversation/close")
    @Operation(summary = "Rond het gesprek af; daarna acties afspreken")
    ReflectionDtos.SessionView closeConversation(@PathVariable UUID id, CurrentUser user) {
        return reflection.closeConversation(id, user);
    }

    @PostMapping("/sessions/{id}/actions")
    @Operation(summary = "Spreek een actie af om uit te proberen en te evalueren (standaard over een maand)")
    ResponseEntity<ReflectionDtos.ActionView> action(@PathVariable UUID id, @Valid @RequestBody ReflectionDtos.ActionInput input,
                                                     CurrentUser user) {
        return ResponseEntity.status(201).body(reflection.addAction(id, input, user));
    }

    @PostMapping("/sessions/{id}/close")
    @Operation(summary = "Sluit de sessie; open acties lopen door naar de volgende sessie van dezelfde scope")
    ReflectionDtos.SessionView close(@PathVariable UUID id, CurrentUser user) {
        return reflection.close(id, user);
    }

    @GetMapping("/sessions/{id}/report")
    @Operation(summary = "Het verslag: scores, prioriteiten, bewijs, notities, acties en doorlopende acties")
    ReflectionDtos.ReportView report(@PathVariable UUID id, CurrentUser user) {
        return reflection.report(id, user);
    }

    @GetMapping(value = "/sessions/{id}/report/csv", produces = "text/csv")
    @Operation(summary = "Het verslag als CSV")
    ResponseEntity<String> reportCsv(@PathVariable UUID id, CurrentUser user) {
        String csv = ReflectionCsv.write(reflection.report(id, user));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reflectiesessie-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv);
    }

    @PostMapping("/actions/{id}/evaluation")
    @Operation(summary = "Leg vast wat een actie opleverde (organisator of gespreksleider)")
    ReflectionDtos.ActionView evaluate(@PathVariable UUID id, @Valid @RequestBody ReflectionDtos.EvaluationInput input,
                                       CurrentUser user) {
        return reflection.evaluate(id, input, user);
    }

    @GetMapping("/actions")
    @Operation(summary = "Open reflectieacties van alle sessies, de oudste evaluatiedatum eerst (manager)")
    PageView<ReflectionDtos.ActionView> actions(@Valid @ParameterObject PageParams paging,
                                                @RequestParam(defaultValue = "false") boolean overdue) {
        return reflection.openActions(paging, overdue);
    }

    @GetMapping("/actions/summary")
    @Operation(summary = "Aantal open en over tijd zijnde reflectieacties, voor de tegel op het dashboard")
    ReflectionDtos.ActionSummary summary() {
        return reflection.actionSummary();
    }

    @GetMapping("/trends")
    @Operation(summary = "Per thema de mediaan over de sessies van één scope, oudste eerst")
    List<ReflectionDtos.ThemeTrend> trends(@RequestParam ScopeType scopeType,
                                           @RequestParam(required = false) @Size(max = 64) String scopeId) {
        return reflection.trend(scopeType, scopeId);
    }

    @PostMapping("/knelpunten")
    @Operation(summary = "Een terugkerend knelpunt met een thema, als inbreng voor de volgende sessie (procesregisseur)")
    ResponseEntity<ReflectionDtos.KnelpuntView> knelpunt(@Valid @RequestBody ReflectionDtos.KnelpuntInput input, CurrentUser user) {
        return ResponseEntity.status(201).body(reflection.fileKnelpunt(input, user));
    }
}
