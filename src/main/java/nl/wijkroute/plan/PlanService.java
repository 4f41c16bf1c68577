package nl.wijkroute.plan;

import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.household.HouseholdView;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.route.CaseMoved;
import nl.wijkroute.route.CaseStatus;
import nl.wijkroute.route.Stage;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.route.SupportCaseView;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 1 gezin, 1 plan. Every change writes a new immutable version on top of the version the editor
 * started from; an edit based on an older version is refused with the current version number, so
 * nobody silently overwrites a colleague. A content change needs the household's agreement again.
 */
@Service
public class PlanService {

    private final PlanRepository plans;
    private final PlanVersionRepository versions;
    private final SupportCaseService cases;
    private final OrganisationService organisations;
    private final PlanMapper mapper;
    private final Clock clock;
    private final CaseAccess access;
    private final PlanActionStateRepository actionStates;

    PlanService(PlanRepository plans, PlanVersionRepository versions, SupportCaseService cases,
                OrganisationService organisations, PlanMapper mapper, Clock clock, CaseAccess access,
                PlanActionStateRepository actionStates) {
        this.access = access;
        this.actionStates = actionStates;
        this.plans = plans;
        this.versions = versions;
        this.cases = cases;
        this.organisations = organisations;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public PlanViews.PlanView create(UUID caseId, PlanRequest request, String by) {
        access.require(caseId, DataCategory.PLAN, AccessAction.CREATE);
        SupportCaseView supportCase = openCase(caseId);
        UUID householdId = supportCase.householdId();
        if (plans.countByHouseholdIdAndStatus(householdId, Plan.Status.ACTIVE) > 0) {
            throw new ConflictException("Dit huishouden heeft al een plan (1 gezin, 1 plan): pas dat plan aan.");
        }
        PlanContent content = new PlanContent(mapper.toGoals(request.goals()), null);
        check(content, supportCase);
        Plan plan = new Plan(householdId, caseId, clock.instant());
        try {
            plans.saveAndFlush(plan);
        } catch (DataIntegrityViolationException raced) {
            throw new ConflictException("Dit huishouden heeft zojuist een plan gekregen (1 gezin, 1 plan): pas dat plan aan.");
        }
        return write(plan, content, by, request.changeNote());
    }

    @Transactional
    public PlanViews.PlanView change(UUID caseId, PlanRequest request, String by) {
        access.require(caseId, DataCategory.PLAN, AccessAction.UPDATE);
        SupportCaseView supportCase = openCase(caseId);
        if (request.basedOnVersion() == null) {
            throw new InvalidInputException("basedOnVersion", "Geef de versie waarop deze wijziging voortbouwt.");
        }
        Plan plan = activePlan(supportCase);
        requireCurrent(plan, request.basedOnVersion());
        PlanContent content = new PlanContent(mapper.toGoals(request.goals()), null);
        check(content, supportCase);
        return write(plan, content, by, request.changeNote());
    }

    @Transactional
    public PlanViews.PlanView recordAgreement(UUID caseId, AgreementRequest request, String by) {
        access.require(caseId, DataCategory.PLAN, AccessAction.UPDATE);
        SupportCaseView supportCase = openCase(caseId);
        Plan plan = activePlan(supportCase);
        requireCurrent(plan, request.basedOnVersion());
        PlanContent current = version(plan, plan.getCurrentVersion()).getContent();
        PlanContent agreed = current.withAgreement(
                new PlanContent.Agreement(request.agreedAt(), request.form(), request.agreedBy(), by));
        return write(plan, agreed, by, "Afspraak met het huishouden vastgelegd");
    }

    @Transactional(readOnly = true)
    public PlanViews.PlanView current(UUID caseId) {
        access.require(caseId, DataCategory.PLAN, AccessAction.READ);
        Plan plan = planOfCase(caseId);
        PlanVersion current = version(plan, plan.getCurrentVersion());
        PlanViews.PlanView full = mapper.toView(plan, current);
        PlanViews.PlanView view = new PlanViews.PlanView(full.planId(), full.caseId(), full.householdId(), full.status(),
                full.version(), withLiveStatus(current).goals(), full.agreement(), full.changedBy(), full.changedAt(),
                full.changeNote());
        return access.consentLimits(caseId).map(limits -> limitedTo(view, limits)).orElse(view);
    }

    /**
     * The current plan in full, for a capability that already decided access (a handover's summary);
     * empty while the case has no plan yet. Optional rather than NotFoundException: an exception through
     * this transactional proxy marks the caller's transaction rollback-only, even when the caller catches it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<PlanViews.PlanView> currentInFull(UUID caseId) {
        return plans.findFirstByCaseIdOrderByCreatedAtDesc(caseId)
                .map(plan -> mapper.toView(plan, version(plan, plan.getCurrentVersion())));
    }

    /**
     * A partner sees the goals of the leefgebieden the household consented to share with them, and of
     * other goals only their own organisation's actions, under the goal's leefgebied and target date —
     * not the household's words for that goal, nor whom it is about. The change note is the wijkteam's
     * free text about the whole plan, so a partner does not get it either.
     */
    private static PlanViews.PlanView limitedTo(PlanViews.PlanView view, CaseAccess.ConsentLimits limits) {
        List<PlanContent.Goal> goals = new ArrayList<>();
        for (PlanContent.Goal goal : view.goals()) {
            if (goal.leefgebied() != null && limits.leefgebieden().contains(goal.leefgebied().name())) {
                goals.add(goal);
                continue;
            }
            List<PlanContent.Action> own = goal.actions().stream()
                    .filter(action -> limits.organisation() != null && limits.organisation().equals(action.organisationId()))
                    .toList();
            if (!own.isEmpty()) {
                goals.add(new PlanContent.Goal(goal.id(), goal.leefgebied(), null, null, null, goal.targetDate(), own,
                        goal.sharedWithHousehold()));
            }
        }
        return new PlanViews.PlanView(view.planId(), view.caseId(), view.householdId(), view.status(), view.version(),
                goals, view.agreement(), view.changedBy(), view.changedAt(), null);
    }

    @Transactional(readOnly = true)
    public PlanViews.PlanView version(UUID caseId, int number) {
        access.require(caseId, DataCategory.PLAN, AccessAction.READ);
        Plan plan = planOfCase(caseId);
        return mapper.toView(plan, version(plan, number));
    }

    @Transactional(readOnly = true)
    public List<PlanViews.VersionSummary> versions(UUID caseId) {
        access.require(caseId, DataCategory.PLAN, AccessAction.READ);
        return versions.findByPlanIdOrderByNumberAsc(planOfCase(caseId).getId()).stream().map(mapper::toSummary).toList();
    }

    @Transactional(readOnly = true)
    public PlanViews.PlanDiff diff(UUID caseId, int from, int to) {
        access.require(caseId, DataCategory.PLAN, AccessAction.READ);
        Plan plan = planOfCase(caseId);
        return new PlanViews.PlanDiff(from, to,
                PlanDiffer.diff(versionFor(plan, from, "from").getContent(), versionFor(plan, to, "to").getContent()));
    }

    /** Whether the household agreed to the plan as it stands now: the route's plan step needs it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean isAgreed(UUID caseId) {
        return plans.isNewestPlanAgreed(caseId);
    }

    /** The ids of the actions in the current plan of the case (for handovers of part of the plan). */
    @Transactional(readOnly = true)
    public Set<UUID> currentActionIds(UUID caseId) {
        Set<UUID> ids = new HashSet<>();
        plans.findFirstByCaseIdOrderByCreatedAtDesc(caseId).filter(plan -> plan.getStatus() == Plan.Status.ACTIVE)
                .ifPresent(plan -> version(plan, plan.getCurrentVersion()).getContent().goals()
                        .forEach(goal -> goal.actions().forEach(action -> ids.add(action.id()))));
        return ids;
    }

    /**
     * A warme overdracht of plan actions was accepted: they now belong to the receiving organisation and
     * professional. A new version; the household's agreement stays, since they consented to the handover.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reassignActions(UUID caseId, Set<UUID> actionIds, String organisationId, String professional, String by) {
        Plan plan = plans.findFirstByCaseIdOrderByCreatedAtDesc(caseId).filter(p -> p.getStatus() == Plan.Status.ACTIVE)
                .orElseThrow(() -> new ConflictException("Deze casus heeft geen actief plan meer."));
        PlanContent current = version(plan, plan.getCurrentVersion()).getContent();
        List<PlanContent.Goal> goals = current.goals().stream().map(goal -> new PlanContent.Goal(goal.id(), goal.leefgebied(),
                goal.memberId(), goal.description(), goal.result(), goal.targetDate(), goal.actions().stream()
                .map(action -> actionIds.contains(action.id())
                        ? new PlanContent.Action(action.id(), action.description(), PlanContent.OwnerType.PARTNER,
                                organisationId, professional, action.status())
                        : action).toList(), goal.sharedWithHousehold())).toList();
        write(plan, new PlanContent(goals, current.agreement()), by, "Warme overdracht geaccepteerd door " + organisationId);
    }

    /**
     * The version's content with each action's live status: the status its owner reported, when that report
     * is newer than the version (a version written later already carries what its writer saw). Decision 0043.
     */
    PlanContent withLiveStatus(PlanVersion version) {
        Map<UUID, PlanActionState> live = new HashMap<>();
        actionStates.findByPlanId(version.getPlanId()).forEach(state -> live.put(state.getActionId(), state));
        if (live.isEmpty()) {
            return version.getContent();
        }
        List<PlanContent.Goal> goals = version.getContent().goals().stream().map(goal -> goal.withActions(goal.actions()
                .stream().map(action -> action.withStatus(liveStatus(action, live.get(action.id()), version)))
                .toList())).toList();
        return new PlanContent(goals, version.getContent().agreement());
    }

    static PlanContent.ActionStatus liveStatus(PlanContent.Action action, PlanActionState state, PlanVersion version) {
        return state != null && !state.getUpdatedAt().isBefore(version.getChangedAt()) ? state.getStatus() : action.status();
    }

    /** Support is over: the plan becomes history, and a later case may start a new one. */
    @EventListener
    void closePlanWhenCaseCloses(CaseMoved moved) {
        if (moved.to() == Stage.AFGESLOTEN) {
            plans.findFirstByCaseIdOrderByCreatedAtDesc(moved.caseId())
                    .filter(plan -> plan.getStatus() == Plan.Status.ACTIVE)
                    .ifPresent(plan -> plan.close(moved.at()));
        }
    }

    PlanViews.PlanView write(Plan plan, PlanContent content, String by, String note) {
        int number = plan.nextVersion();
        PlanVersion version;
        try {
            plans.saveAndFlush(plan); // the row's @Version makes a concurrent edit of the same version fail here
            version = versions.saveAndFlush(new PlanVersion(plan.getId(), number, content, by, clock.instant(), note));
        } catch (DataIntegrityViolationException | org.springframework.dao.OptimisticLockingFailureException raced) {
            throw new ConflictException("Iemand anders heeft het plan net gewijzigd; bouw verder op de nieuwste versie.");
        }
        return mapper.toView(plan, version);
    }

    private void requireCurrent(Plan plan, int basedOn) {
        if (basedOn != plan.getCurrentVersion()) {
            throw new ConflictException("Het plan is intussen gewijzigd: versie " + plan.getCurrentVersion()
                    + " is de nieuwste, deze wijziging bouwt voort op versie " + basedOn + ".",
                    Map.of("currentVersion", plan.getCurrentVersion()));
        }
    }

    /** Every goal's member lives in this household; every partner action names a known, active organisation. */
    void check(PlanContent content, SupportCaseView supportCase) {
        Set<UUID> members = new HashSet<>();
        cases.membersOf(supportCase.id()).stream().map(HouseholdView.Member::id).forEach(members::add);
        Set<UUID> seen = new HashSet<>();
        for (int g = 0; g < content.goals().size(); g++) {
            PlanContent.Goal goal = content.goals().get(g);
            String goalField = "goals[" + g + "]";
            if (!seen.add(goal.id())) {
                throw new InvalidInputException(goalField + ".id", "Dit id komt twee keer voor in het plan.");
            }
            if (goal.memberId() != null && !members.contains(goal.memberId())) {
                throw new InvalidInputException(goalField + ".memberId", "Geen lid van dit huishouden.");
            }
            for (int a = 0; a < goal.actions().size(); a++) {
                PlanContent.Action action = goal.actions().get(a);
                String actionField = goalField + ".actions[" + a + "]";
                if (!seen.add(action.id())) {
                    throw new InvalidInputException(actionField + ".id", "Dit id komt twee keer voor in het plan.");
                }
                boolean partner = action.ownerType() == PlanContent.OwnerType.PARTNER;
                if (partner && (action.organisationId() == null || action.organisationId().isBlank())) {
                    throw new InvalidInputException(actionField + ".organisationId", "Verplicht als een partner de actie uitvoert.");
                }
                if (partner) {
                    organisations.requireActive(action.organisationId(), actionField + ".organisationId");
                } else if (action.organisationId() != null) {
                    throw new InvalidInputException(actionField + ".organisationId",
                            "Alleen een actie van een partner hoort bij een organisatie.");
                }
            }
        }
    }

    SupportCaseView openCase(UUID caseId) {
        SupportCaseView supportCase = cases.view(caseId);
        if (supportCase.status() != CaseStatus.OPEN) {
            throw new ConflictException("De casus is niet open; het plan kan niet meer worden gewijzigd.");
        }
        return supportCase;
    }

    /** The case's active plan, for a change of it: 409 when the case is no longer open, 404 without a plan. */
    Plan activePlanForChange(UUID caseId) {
        return activePlan(openCase(caseId));
    }

    /** As {@link #check(PlanContent, SupportCaseView)}, for a capability that holds only the case id. */
    void check(PlanContent content, UUID caseId) {
        check(content, cases.view(caseId));
    }

    boolean isMember(UUID caseId, UUID memberId) {
        return cases.membersOf(caseId).stream().anyMatch(member -> member.id().equals(memberId));
    }

    Plan activePlan(SupportCaseView supportCase) {
        return plans.findByHouseholdIdAndStatus(supportCase.householdId(), Plan.Status.ACTIVE)
                .orElseThrow(() -> new NotFoundException("Dit huishouden heeft nog geen plan."));
    }

    private Plan planOfCase(UUID caseId) {
        cases.view(caseId);
        return plans.findFirstByCaseIdOrderByCreatedAtDesc(caseId)
                .orElseThrow(() -> new NotFoundException("Deze casus heeft nog geen plan."));
    }

    PlanVersion version(Plan plan, int number) {
        return versions.findByPlanIdAndNumber(plan.getId(), number)
                .orElseThrow(() -> new NotFoundException("Versie " + number + " van het plan bestaat niet."));
    }

    private PlanVersion versionFor(Plan plan, int number, String field) {
        return versions.findByPlanIdAndNumber(plan.getId(), number)
                .orElseThrow(() -> new NotFoundException("Versie " + number + " van het plan bestaat niet.", field));
    }
}
