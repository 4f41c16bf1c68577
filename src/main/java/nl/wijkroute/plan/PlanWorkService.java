package nl.wijkroute.plan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners work in the plan (issue 16, decision 0043): the organisation that owns an action of the current
 * plan reports its status and dated progress notes, and any partner in the plan proposes a change of its
 * content, which the casusregisseur takes into a new version or declines. Status and notes need no new
 * agreement of the household and write no version; a content change does both.
 *
 * <p>A partner reaches only what the household's consent gives its organisation: its own actions and the
 * goals it may see in the plan ({@link CaseAccess#consentLimits}). Anything else answers 404, logged as refused.
 */
@Service
public class PlanWorkService {

    /** Started, done, stopped: done and stopped are the end. */
    private static final Map<PlanContent.ActionStatus, Set<PlanContent.ActionStatus>> TRANSITIONS = Map.of(
            PlanContent.ActionStatus.PLANNED, EnumSet.of(PlanContent.ActionStatus.IN_PROGRESS, PlanContent.ActionStatus.CANCELLED),
            PlanContent.ActionStatus.IN_PROGRESS, EnumSet.of(PlanContent.ActionStatus.DONE, PlanContent.ActionStatus.CANCELLED),
            PlanContent.ActionStatus.DONE, EnumSet.noneOf(PlanContent.ActionStatus.class),
            PlanContent.ActionStatus.CANCELLED, EnumSet.noneOf(PlanContent.ActionStatus.class));

    private final PlanService plans;
    private final PlanRepository planRows;
    private final PlanActionStateRepository states;
    private final PlanActionEventRepository events;
    private final PlanChangeProposalRepository proposals;
    private final CaseAccess access;
    private final Clock clock;

    PlanWorkService(PlanService plans, PlanRepository planRows, PlanActionStateRepository states,
                    PlanActionEventRepository events, PlanChangeProposalRepository proposals, CaseAccess access, Clock clock) {
        this.plans = plans;
        this.planRows = planRows;
        this.states = states;
        this.events = events;
        this.proposals = proposals;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PlanWorkViews.PlanActionView action(UUID caseId, UUID actionId) {
        return view(locate(caseId, actionId, AccessAction.READ));
    }

    @Transactional
    public PlanWorkViews.PlanActionView changeStatus(UUID caseId, UUID actionId, PlanWorkRequests.ActionStatusRequest request,
                                                 CurrentUser user) {
        Located located = locate(caseId, actionId, AccessAction.UPDATE);
        plans.activePlanForChange(caseId);
        PlanActionState state = located.state().orElseGet(() -> new PlanActionState(located.plan().getId(), actionId));
        if (request.basedOnRevision() != state.getRevision()) {
            throw new ConflictException("De status van deze actie is intussen gewijzigd: revisie " + state.getRevision()
                    + " is de nieuwste.", Map.of("currentRevision", state.getRevision()));
        }
        PlanContent.ActionStatus from = located.status();
        if (!TRANSITIONS.get(from).contains(request.status())) {
            throw new ConflictException("Een actie met status " + from + " kan niet naar " + request.status() + ".",
                    Map.of("currentStatus", from.name()));
        }
        boolean stopped = request.status() == PlanContent.ActionStatus.CANCELLED;
        if (stopped && (request.reason() == null || request.reason().isBlank())) {
            throw new InvalidInputException("reason", "Geef de reden waarom de actie stopt.");
        }
        String reason = stopped ? request.reason() : null;
        state.change(request.status(), reason, user.username(), clock.instant());
        try {
            states.saveAndFlush(state);
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException raced) {
            throw new ConflictException("Iemand anders heeft de status van deze actie net gewijzigd; laad de actie opnieuw.");
        }
        events.save(PlanActionEvent.status(located.plan().getId(), actionId, from, request.status(), reason,
                user.username(), user.actingFor(), clock.instant()));
        return view(locate(caseId, actionId, null));
    }

    @Transactional
    public PlanWorkViews.PlanActionView addNote(UUID caseId, UUID actionId, PlanWorkRequests.ProgressNoteRequest request,
                                            CurrentUser user) {
        Located located = locate(caseId, actionId, AccessAction.UPDATE);
        plans.activePlanForChange(caseId);
        events.save(PlanActionEvent.note(located.plan().getId(), actionId, request.date(), request.text(),
                user.username(), user.actingFor(), clock.instant()));
        return view(locate(caseId, actionId, null));
    }

    @Transactional
    public PlanWorkViews.PlanProposalView propose(UUID caseId, PlanWorkRequests.PlanProposalRequest request, CurrentUser user) {
        Optional<CaseAccess.ConsentLimits> limits = access.consentLimits(caseId);
        Optional<Plan> active = activePlan(caseId);
        if (request.goalId() != null && limits.isPresent() && active.isPresent()
                && !visibleGoal(active.get(), request.goalId(), limits.get())) {
            throw access.refuse(caseId, DataCategory.PLAN, AccessAction.CREATE, () -> goalNotFound("goalId"));
        }
        access.require(caseId, DataCategory.PLAN, AccessAction.CREATE);
        Plan plan = plans.activePlanForChange(caseId);
        PlanContent content = plans.version(plan, plan.getCurrentVersion()).getContent();
        String organisation = limits.map(CaseAccess.ConsentLimits::organisation).orElse(user.actingFor());
        checkProposal(caseId, content, request, limits);
        PlanChangeProposal proposal = new PlanChangeProposal(plan.getId(), caseId, organisation, user.username(),
                clock.instant(), plan.getCurrentVersion(), request);
        return view(proposals.saveAndFlush(proposal));
    }

    /** The proposals of the case: all of them for the wijkteam, a partner only its own organisation's. */
    @Transactional(readOnly = true)
    public List<PlanWorkViews.PlanProposalView> proposals(UUID caseId) {
        access.require(caseId, DataCategory.PLAN, AccessAction.READ);
        Optional<CaseAccess.ConsentLimits> limits = access.consentLimits(caseId);
        List<PlanChangeProposal> found = limits.isPresent()
                ? proposals.findByCaseIdAndOrganisationIdInOrderByProposedAtAsc(caseId, organisations(limits.get()))
                : proposals.findByCaseIdOrderByProposedAtAsc(caseId);
        return found.stream().map(PlanWorkService::view).toList();
    }

    /**
     * The casusregisseur takes the proposal into a new plan version on top of the version they saw. A content
     * change: the new version has no agreement yet, the household agrees again (as for any content change).
     */
    @Transactional
    public PlanWorkViews.PlanProposalView accept(UUID caseId, UUID proposalId, PlanWorkRequests.ProposalAcceptRequest request,
                                             CurrentUser user) {
        access.require(caseId, DataCategory.PLAN, AccessAction.UPDATE);
        PlanChangeProposal proposal = openProposal(caseId, proposalId);
        Plan plan = plans.activePlanForChange(caseId);
        if (request.basedOnVersion() != plan.getCurrentVersion()) {
            throw new ConflictException("Het plan is intussen gewijzigd: versie " + plan.getCurrentVersion()
                    + " is de nieuwste.", Map.of("currentVersion", plan.getCurrentVersion()));
        }
        if (!plan.getId().equals(proposal.getPlanId())) {
            throw new ConflictException("Dit voorstel hoort bij een eerder plan van het huishouden.");
        }
        PlanVersion current = plans.version(plan, plan.getCurrentVersion());
        // The new version records the statuses as they are now, so the version history reads as it was.
        PlanContent changed = apply(plans.withLiveStatus(current), proposal);
        plans.check(changed, caseId);
        PlanViews.PlanView written = plans.write(plan, changed, user.username(),
                "Voorstel van " + proposal.getOrganisationId() + " overgenomen (" + proposal.getKind() + ")");
        proposal.accept(written.version(), user.username(), clock.instant());
        return saved(proposal);
    }

    @Transactional
    public PlanWorkViews.PlanProposalView decline(UUID caseId, UUID proposalId, PlanWorkRequests.ProposalDeclineRequest request,
                                              CurrentUser user) {
        access.require(caseId, DataCategory.PLAN, AccessAction.UPDATE);
        PlanChangeProposal proposal = openProposal(caseId, proposalId);
        proposal.decline(request.reason(), user.username(), clock.instant());
        return saved(proposal);
    }

    private PlanWorkViews.PlanProposalView saved(PlanChangeProposal proposal) {
        try {
            return view(proposals.saveAndFlush(proposal));
        } catch (OptimisticLockingFailureException raced) {
            throw new ConflictException("Over dit voorstel is net door iemand anders besloten.");
        }
    }

    private PlanChangeProposal openProposal(UUID caseId, UUID proposalId) {
        PlanChangeProposal proposal = proposals.findById(proposalId).filter(found -> found.getCaseId().equals(caseId))
                .orElseThrow(() -> new NotFoundException("Voorstel " + proposalId + " bestaat niet."));
        if (proposal.getStatus() != PlanChangeProposal.Status.PROPOSED) {
            throw new ConflictException("Over dit voorstel is al besloten (" + proposal.getStatus() + ").",
                    Map.of("proposalStatus", proposal.getStatus().name()));
        }
        return proposal;
    }

    /** What the proposal needs, by kind; field names as in the request. */
    private void checkProposal(UUID caseId, PlanContent content, PlanWorkRequests.PlanProposalRequest request,
                               Optional<CaseAccess.ConsentLimits> limits) {
        switch (request.kind()) {
            case NEW_GOAL -> {
                required(request.leefgebied(), "leefgebied");
                requiredText(request.goalDescription(), "goalDescription");
                requiredText(request.goalResult(), "goalResult");
                required(request.targetDate(), "targetDate");
                if (limits.isPresent() && !limits.get().leefgebieden().contains(request.leefgebied().name())) {
                    throw new InvalidInputException("leefgebied",
                            "Het huishouden deelt dit leefgebied niet met uw organisatie; stel een doel voor binnen de toestemming.");
                }
                if (request.memberId() != null && !plans.isMember(caseId, request.memberId())) {
                    throw new InvalidInputException("memberId", "Geen lid van dit huishouden.");
                }
                if (request.actionDescription() != null) {
                    checkAction(request);
                }
            }
            case NEW_ACTION -> {
                requireGoal(content, request);
                requiredText(request.actionDescription(), "actionDescription");
                checkAction(request);
            }
            case TARGET_DATE -> {
                requireGoal(content, request);
                required(request.targetDate(), "targetDate");
            }
        }
    }

    private static void checkAction(PlanWorkRequests.PlanProposalRequest request) {
        requiredText(request.actionDescription(), "actionDescription");
        required(request.actionOwnerType(), "actionOwnerType");
    }

    private static void requireGoal(PlanContent content, PlanWorkRequests.PlanProposalRequest request) {
        required(request.goalId(), "goalId");
        if (content.goals().stream().noneMatch(goal -> goal.id().equals(request.goalId()))) {
            throw goalNotFound("goalId");
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "Verplicht bij dit soort voorstel.");
        }
    }

    private static void requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Verplicht bij dit soort voorstel.");
        }
    }

    /** The content with the proposal in it: an action of a partner is the proposing organisation's own. */
    private static PlanContent apply(PlanContent content, PlanChangeProposal proposal) {
        List<PlanContent.Goal> goals = new ArrayList<>(content.goals());
        PlanContent.Action action = proposal.getActionDescription() == null ? null : new PlanContent.Action(UUID.randomUUID(),
                proposal.getActionDescription(), proposal.getActionOwnerType(),
                proposal.getActionOwnerType() == PlanContent.OwnerType.PARTNER ? proposal.getOrganisationId() : null,
                proposal.getActionProfessional(), PlanContent.ActionStatus.PLANNED);
        if (proposal.getKind() == PlanChangeProposal.Kind.NEW_GOAL) {
            goals.add(new PlanContent.Goal(UUID.randomUUID(), proposal.getLeefgebied(), proposal.getMemberId(),
                    proposal.getGoalDescription(), proposal.getGoalResult(), proposal.getTargetDate(),
                    action == null ? List.of() : List.of(action)));
            return new PlanContent(goals, null);
        }
        int index = -1;
        for (int g = 0; g < goals.size(); g++) {
            if (goals.get(g).id().equals(proposal.getGoalId())) {
                index = g;
            }
        }
        if (index < 0) {
            throw new ConflictException("Het doel van dit voorstel staat niet meer in het plan; wijs het voorstel af met een reden.");
        }
        PlanContent.Goal goal = goals.get(index);
        if (proposal.getKind() == PlanChangeProposal.Kind.NEW_ACTION) {
            List<PlanContent.Action> actions = new ArrayList<>(goal.actions());
            actions.add(action);
            goals.set(index, goal.withActions(actions));
        } else {
            goals.set(index, goal.withTargetDate(proposal.getTargetDate()));
        }
        return new PlanContent(goals, null);
    }

    /** The current plan's action, as far as the user may reach it; refused (404, logged) otherwise. */
    private Located locate(UUID caseId, UUID actionId, AccessAction accessAction) {
        Optional<CaseAccess.ConsentLimits> limits = accessAction == null ? Optional.empty() : access.consentLimits(caseId);
        Optional<Plan> plan = activePlan(caseId);
        Optional<Found> found = plan.flatMap(p -> find(plans.version(p, p.getCurrentVersion()), actionId));
        if (limits.isPresent() && found.map(f -> !java.util.Objects.equals(limits.get().organisation(),
                f.action().organisationId()) || f.action().organisationId() == null).orElse(true)) {
            // Another organisation's action (or none): the same answer as an action that does not exist.
            throw access.refuse(caseId, DataCategory.PLAN, accessAction, () -> actionNotFound(actionId));
        }
        if (accessAction != null) {
            access.require(caseId, DataCategory.PLAN, accessAction);
        }
        if (found.isEmpty()) {
            throw actionNotFound(actionId);
        }
        Optional<PlanActionState> state = states.findById(new PlanActionState.Key(plan.get().getId(), actionId));
        PlanVersion version = found.get().version();
        return new Located(plan.get(), version, found.get().goal(), found.get().action(), state,
                PlanService.liveStatus(found.get().action(), state.orElse(null), version));
    }

    private Optional<Plan> activePlan(UUID caseId) {
        return planRows.findFirstByCaseIdOrderByCreatedAtDesc(caseId).filter(p -> p.getStatus() == Plan.Status.ACTIVE);
    }

    private static Optional<Found> find(PlanVersion version, UUID actionId) {
        for (PlanContent.Goal goal : version.getContent().goals()) {
            for (PlanContent.Action action : goal.actions()) {
                if (action.id().equals(actionId)) {
                    return Optional.of(new Found(version, goal, action));
                }
            }
        }
        return Optional.empty();
    }

    /** A goal a partner sees: of a leefgebied shared with its organisation, or one it has an action under. */
    private boolean visibleGoal(Plan plan, UUID goalId, CaseAccess.ConsentLimits limits) {
        return plans.version(plan, plan.getCurrentVersion()).getContent().goals().stream()
                .filter(goal -> goal.id().equals(goalId))
                .anyMatch(goal -> (goal.leefgebied() != null && limits.leefgebieden().contains(goal.leefgebied().name()))
                        || goal.actions().stream().anyMatch(action -> limits.organisation() != null
                        && limits.organisation().equals(action.organisationId())));
    }

    private static Collection<String> organisations(CaseAccess.ConsentLimits limits) {
        return limits.organisation() == null ? List.of() : List.of(limits.organisation());
    }

    private PlanWorkViews.PlanActionView view(Located located) {
        List<PlanWorkViews.PlanActionEventView> history = events.findByPlanIdAndActionIdOrderByRecordedAtAsc(located.plan().getId(),
                located.action().id()).stream().map(event -> new PlanWorkViews.PlanActionEventView(event.getKind().name(),
                event.getStatusFrom(), event.getStatusTo(), event.getNoteDate(), event.getText(), event.getAuthor(),
                event.getOrganisationId(), event.getRecordedAt())).toList();
        PlanContent.Action action = located.action();
        return new PlanWorkViews.PlanActionView(located.plan().getId(), located.version().getNumber(), located.goal().id(),
                action.id(), action.description(), action.ownerType(), action.organisationId(), action.professional(),
                located.status(), located.state().map(PlanActionState::getStopReason).orElse(null),
                located.state().map(PlanActionState::getRevision).orElse(0), history);
    }

    private static PlanWorkViews.PlanProposalView view(PlanChangeProposal p) {
        return new PlanWorkViews.PlanProposalView(p.getId(), p.getKind().name(), p.getStatus().name(), p.getOrganisationId(),
                p.getProposedBy(), p.getProposedAt(), p.getBasedOnVersion(), p.getGoalId(), p.getLeefgebied(), p.getMemberId(),
                p.getGoalDescription(), p.getGoalResult(), p.getTargetDate(), p.getActionDescription(), p.getActionOwnerType(),
                p.getActionProfessional(), p.getMotivation(), p.getDecidedBy(), p.getDecidedAt(), p.getDeclineReason(),
                p.getAcceptedInVersion());
    }

    private static NotFoundException actionNotFound(UUID actionId) {
        return new NotFoundException("Actie " + actionId + " staat niet in het huidige plan.");
    }

    private static NotFoundException goalNotFound(String field) {
        return new NotFoundException("Dit doel staat niet in het huidige plan.", field);
    }

    private record Found(PlanVersion version, PlanContent.Goal goal, PlanContent.Action action) {
    }

    private record Located(Plan plan, PlanVersion version, PlanContent.Goal goal, PlanContent.Action action,
                           Optional<PlanActionState> state, PlanContent.ActionStatus status) {
    }
}
