package nl.wijkroute.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Working in the plan: the owner of an action reports its status and progress, partners propose changes,
 * the casusregisseur decides on them. An action's status revision travels as its ETag.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/plan")
@Tag(name = "Plan")
class PlanWorkController {

    private final PlanWorkService work;

    PlanWorkController(PlanWorkService work) {
        this.work = work;
    }

    @GetMapping("/actions/{actionId}")
    @Operation(summary = "Eén actie van het huidige plan: status en voortgang (een partner: alleen die van de eigen organisatie)")
    ResponseEntity<PlanWorkViews.PlanActionView> action(@PathVariable UUID caseId, @PathVariable UUID actionId) {
        PlanWorkViews.PlanActionView action = work.action(caseId, actionId);
        return ResponseEntity.ok().eTag(etag(action)).body(action);
    }

    @PostMapping("/actions/{actionId}/status")
    @Operation(summary = "Zet de status van een actie: gepland → gestart → klaar, of gestopt (met reden); geen nieuwe planversie")
    ResponseEntity<PlanWorkViews.PlanActionView> status(@PathVariable UUID caseId, @PathVariable UUID actionId,
                                                    @Valid @RequestBody PlanWorkRequests.ActionStatusRequest request,
                                                    CurrentUser user) {
        PlanWorkViews.PlanActionView action = work.changeStatus(caseId, actionId, request, user);
        return ResponseEntity.ok().eTag(etag(action)).body(action);
    }

    @PostMapping("/actions/{actionId}/notes")
    @Operation(summary = "Voeg een gedateerde voortgangsnotitie toe aan een actie")
    ResponseEntity<PlanWorkViews.PlanActionView> note(@PathVariable UUID caseId, @PathVariable UUID actionId,
                                                  @Valid @RequestBody PlanWorkRequests.ProgressNoteRequest request, CurrentUser user) {
        PlanWorkViews.PlanActionView action = work.addNote(caseId, actionId, request, user);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(action)).body(action);
    }

    @GetMapping("/proposals")
    @Operation(summary = "Voorstellen tot wijziging van het plan (een partner: alleen die van de eigen organisatie)")
    List<PlanWorkViews.PlanProposalView> proposals(@PathVariable UUID caseId) {
        return work.proposals(caseId);
    }

    @PostMapping("/proposals")
    @Operation(summary = "Stel een wijziging voor: een nieuw doel, een nieuwe actie of een andere streefdatum")
    ResponseEntity<PlanWorkViews.PlanProposalView> propose(@PathVariable UUID caseId,
                                                       @Valid @RequestBody PlanWorkRequests.PlanProposalRequest request,
                                                       CurrentUser user) {
        PlanWorkViews.PlanProposalView proposal = work.propose(caseId, request, user);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/plan/proposals/" + proposal.id()))
                .body(proposal);
    }

    @PostMapping("/proposals/{proposalId}/accept")
    @Operation(summary = "Neem het voorstel over in een nieuwe planversie (het huishouden stemt daarna opnieuw in)")
    PlanWorkViews.PlanProposalView accept(@PathVariable UUID caseId, @PathVariable UUID proposalId,
                                      @Valid @RequestBody PlanWorkRequests.ProposalAcceptRequest request, CurrentUser user) {
        return work.accept(caseId, proposalId, request, user);
    }

    @PostMapping("/proposals/{proposalId}/decline")
    @Operation(summary = "Wijs het voorstel af, met een reden")
    PlanWorkViews.PlanProposalView decline(@PathVariable UUID caseId, @PathVariable UUID proposalId,
                                       @Valid @RequestBody PlanWorkRequests.ProposalDeclineRequest request, CurrentUser user) {
        return work.decline(caseId, proposalId, request, user);
    }

    private static String etag(PlanWorkViews.PlanActionView action) {
        return "\"" + action.revision() + "\"";
    }
}
