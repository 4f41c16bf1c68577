package nl.wijkroute.handover;

import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.assessment.AssessmentService;
import nl.wijkroute.assessment.VraagverhelderingView;
import nl.wijkroute.deadline.WorkingDays;
import nl.wijkroute.escalation.StagnationKind;
import nl.wijkroute.escalation.StagnationSignalService;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.plan.PlanService;
import nl.wijkroute.regie.RegieService;
import nl.wijkroute.regie.RegieView;
import nl.wijkroute.route.CaseStatus;
import nl.wijkroute.route.EngineActor;
import nl.wijkroute.route.ProcessTasks;
import nl.wijkroute.route.RouteVariables;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.signal.SignalView;
import nl.wijkroute.signal.SignalService;
import nl.wijkroute.system.MunicipalTime;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import nl.wijkroute.system.security.CurrentUser;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;

/**
 * Warme overdracht. The sender (the casusregisseur) proposes with a summary limited to what the
 * household consented to share; the route starts the handover process (bpmn/warme-overdracht.bpmn),
 * whose task waits for the receiving organisation. Until acceptance nothing changes hands. The
 * engine's boundary timer marks a handover overdue after the configured working days.
 */
@Service
public class HandoverService {

    static final String CASE_CLOSED_REASON = "Ingetrokken: de ondersteuning is afgerond of de casus is gesloten.";
    /** Newest first; the id keeps the order stable between pages. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id"));

    private final HandoverRepository handovers;
    private final SupportCaseService cases;
    private final RegieService regie;
    private final PlanService plans;
    private final AssessmentService assessments;
    private final OrganisationService organisations;
    private final SignalService signals;
    private final StagnationSignalService stagnation;
    private final RuntimeService runtimeService;
    private final ProcessTasks processTasks;
    private final EngineActor engineActor;
    private final HandoverMapper mapper;
    private final Clock clock;
    private final int acceptanceWorkingDays;
    private final CaseAccess access;
    private final WorkingDays calendar;

    HandoverService(HandoverRepository handovers, SupportCaseService cases, RegieService regie, PlanService plans,
                    AssessmentService assessments, OrganisationService organisations, StagnationSignalService stagnation,
                    RuntimeService runtimeService, ProcessTasks processTasks, EngineActor engineActor, HandoverMapper mapper,
                    Clock clock, @Value("${wijkroute.handover.acceptance-working-days:5}") int acceptanceWorkingDays,
                    CaseAccess access, WorkingDays calendar, SignalService signals) {
        this.calendar = calendar;
        this.access = access;
        this.signals = signals;
        this.handovers = handovers;
        this.cases = cases;
        this.regie = regie;
        this.plans = plans;
        this.assessments = assessments;
        this.organisations = organisations;
        this.stagnation = stagnation;
        this.runtimeService = runtimeService;
        this.processTasks = processTasks;
        this.engineActor = engineActor;
        this.mapper = mapper;
        this.clock = clock;
        this.acceptanceWorkingDays = acceptanceWorkingDays;
    }

    @Transactional
    public HandoverView propose(UUID caseId, HandoverRequest request, CurrentUser user) {
        access.require(caseId, DataCategory.HANDOVER, AccessAction.CREATE);
        if (cases.statusOf(caseId) == CaseStatus.CLOSED) {
            throw new ConflictException("De casus is gesloten.");
        }
        requireCasusregisseur(caseId, user);
        checkConsent(request.consent());
        checkWithinOwnConsent(caseId, request.consent());
        if (request.receiverOrganisation().equals(cases.teamOf(caseId))) {
            // Regie handed back to the case's own wijkteam: again a warme overdracht (decision 0044).
            if (request.scope() != Handover.Scope.REGIE) {
                throw new InvalidInputException("receiverOrganisation", "Het eigen wijkteam krijgt via een overdracht alleen "
                        + "de regie terug; acties van het team legt het plan vast.");
            }
        } else {
            organisations.requireActive(request.receiverOrganisation(), "receiverOrganisation");
        }
        if (request.receiverOrganisation().equals(user.actingFor())) {
            throw new InvalidInputException("receiverOrganisation", "Een overdracht gaat naar een andere organisatie.");
        }
        List<UUID> actionIds = checkScope(caseId, request);
        Instant acceptBefore = calendar.add(LocalDate.now(clock.withZone(MunicipalTime.ZONE)), acceptanceWorkingDays)
                .atTime(LocalTime.of(23, 59)).atZone(MunicipalTime.ZONE).toInstant();
        Handover handover = handovers.saveAndFlush(new Handover(caseId, request.scope(), actionIds, user.username(),
                user.actingFor(), request.receiverOrganisation(), request.receiverProfessional(),
                summary(caseId, request), request.consent(), request.jointMeetingAt(), acceptBefore, clock.instant()));
        engineActor.as(user.username(), () -> runtimeService.createMessageCorrelation(RoutekaartIds.HANDOVER_PROPOSED_MESSAGE)
                .processInstanceBusinessKey(caseId.toString())
                .setVariablesToTriggeredScope(Variables.createVariables()
                        .putValue("handoverId", handover.getId().toString())
                        .putValue("receiverGroup", CurrentUser.organisationGroup(handover.getReceiverOrganisation()))
                        .putValue("acceptBefore", Date.from(acceptBefore)))
                .correlate());
        return mapper.toView(handover);
    }

    @Transactional
    public HandoverView accept(UUID handoverId, CurrentUser user) {
        Handover handover = pendingForReceiver(handoverId, user);
        access.logInvolved(List.of(handover.getCaseId()), DataCategory.HANDOVER, AccessAction.UPDATE);
        completeDecision(handover, user, "ACCEPTED", null);
        return mapper.toView(handover);
    }

    @Transactional
    public HandoverView decline(UUID handoverId, CurrentUser user, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Geef aan waarom de overdracht niet wordt geaccepteerd.");
        }
        Handover handover = pendingForReceiver(handoverId, user);
        access.logInvolved(List.of(handover.getCaseId()), DataCategory.HANDOVER, AccessAction.UPDATE);
        completeDecision(handover, user, "DECLINED", reason);
        return viewFor(handover, user);
    }

    @Transactional
    public HandoverView withdraw(UUID handoverId, CurrentUser user) {
        Handover handover = visible(handoverId, user);
        if (!handover.getSender().equals(user.username())) {
            throw new ConflictException("Alleen de afzender kan een overdracht intrekken.");
        }
        requirePending(handover);
        access.logInvolved(List.of(handover.getCaseId()), DataCategory.HANDOVER, AccessAction.UPDATE);
        handover.decide(Handover.Status.WITHDRAWN, user.username(), clock.instant(), null);
        engineActor.as(user.username(), () -> runtimeService.createMessageCorrelation(WarmeOverdrachtIds.WITHDRAWN_MESSAGE)
                .processInstanceBusinessKey(handoverId.toString()).correlate());
        stagnation.resolveFor(handoverId);
        return mapper.toView(handover);
    }

    @Transactional(readOnly = true)
    public HandoverView get(UUID handoverId, CurrentUser user) {
        Handover handover = visible(handoverId, user);
        access.logInvolved(List.of(handover.getCaseId()), DataCategory.HANDOVER, AccessAction.READ);
        return viewFor(handover, user);
    }

    @Transactional(readOnly = true)
    public PageView<HandoverView> incoming(CurrentUser user, PageParams paging) {
        // A partner organisation, or a wijkteam receiving regie back.
        String receiver = user.actingFor();
        if (receiver == null || receiver.isBlank()) {
            return PageView.of(List.of(), paging, 0);
        }
        return logged(handovers.findByReceiverOrganisation(receiver, paging.pageable(NEWEST_FIRST)), user);
    }

    @Transactional(readOnly = true)
    public PageView<HandoverView> outgoing(CurrentUser user, PageParams paging) {
        return logged(handovers.findBySender(user.username(), paging.pageable(NEWEST_FIRST)), user);
    }

    private PageView<HandoverView> logged(Page<Handover> found, CurrentUser user) {
        access.logListed(found.getContent().stream().map(Handover::getCaseId).toList(), DataCategory.HANDOVER);
        return PageView.of(found.map(handover -> viewFor(handover, user)));
    }

    /**
     * A receiving organisation that did not take the household on (declined, or the offer was
     * withdrawn) keeps the fact of the offer and its outcome, not the household's story or consent.
     */
    private HandoverView viewFor(Handover handover, CurrentUser user) {
        HandoverView view = mapper.toView(handover);
        boolean senderSide = handover.getSender().equals(user.username()) || handover.getSenderOrganisation().equals(user.actingFor());
        boolean notTakenOn = handover.getStatus() == Handover.Status.DECLINED || handover.getStatus() == Handover.Status.WITHDRAWN;
        boolean receiverOnly = !senderSide && receives(handover, user);
        return receiverOnly && notTakenOn ? view.withoutContent() : view;
    }

    /** Called by the BPMN after the receiver accepted: the regie or the actions change hands now. */
    @Transactional(propagation = Propagation.MANDATORY)
    void applyAcceptance(UUID handoverId, String decidedBy, String decidedByOrganisation) {
        Handover handover = handovers.findById(handoverId).orElseThrow();
        if (handover.getScope() == Handover.Scope.REGIE
                && !handover.getSender().equals(regie.currentCasusregie(handover.getCaseId()).holder())) {
            // Two offers of the same regie: once one is accepted, the sender has nothing left to hand over.
            throw new ConflictException("De regie is intussen al overgedragen; deze overdracht kan niet meer worden geaccepteerd.");
        }
        handover.decide(Handover.Status.ACCEPTED, decidedBy, clock.instant(), null);
        if (handover.getScope() == Handover.Scope.REGIE) {
            regie.transferByHandover(handover.getCaseId(), decidedBy, decidedByOrganisation,
                    "Warme overdracht van " + handover.getSender() + " (" + handover.getSenderOrganisation() + ")");
        } else {
            plans.reassignActions(handover.getCaseId(), Set.copyOf(handover.getActionIds()),
                    handover.getReceiverOrganisation(), decidedBy, decidedBy);
        }
        stagnation.resolveFor(handoverId);
    }

    /** Called by the BPMN after the receiver declined: the sender keeps everything and sees why. */
    @Transactional(propagation = Propagation.MANDATORY)
    void applyDecline(UUID handoverId, String decidedBy, String reason) {
        handovers.findById(handoverId).orElseThrow().decide(Handover.Status.DECLINED, decidedBy, clock.instant(), reason);
        stagnation.resolveFor(handoverId);
    }

    /** Called by the BPMN's boundary timer: not accepted in time. The handover stays open; escalation follows. */
    @Transactional(propagation = Propagation.MANDATORY)
    void markOverdue(UUID handoverId) {
        Handover handover = handovers.findById(handoverId).orElseThrow();
        if (handover.getStatus() == Handover.Status.PROPOSED && !handover.isOverdue()) {
            handover.markOverdue();
            stagnation.raise(handover.getCaseId(), StagnationKind.HANDOVER_NOT_ACCEPTED, handoverId,
                    // Every procesregisseur reads the signals: the receiver's name could tell a household's health.
                    "Warme overdracht niet binnen " + acceptanceWorkingDays + " werkdagen geaccepteerd.");
        }
    }

    /**
     * Called by bpmn/warme-overdracht.bpmn when the case closes (or its support ends) before the
     * receiver decided: the route's "afsluiten" signal interrupted the receiver's task. The handover is
     * withdrawn, and the receiver sees that and why in their list; its overdue signal goes with it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void withdrawBecauseCaseClosed(UUID handoverId) {
        Handover handover = handovers.findById(handoverId).orElseThrow();
        if (handover.getStatus() == Handover.Status.PROPOSED) {
            handover.decide(Handover.Status.WITHDRAWN, RouteVariables.SYSTEM_ACTOR, clock.instant(), CASE_CLOSED_REASON);
        }
        stagnation.resolveFor(handoverId);
    }

    private void completeDecision(Handover handover, CurrentUser user, String decision, String reason) {
        var variables = Variables.createVariables()
                .putValue("handoverDecision", decision)
                .putValueTyped("decidedBy", Variables.stringValue(user.username(), true))
                .putValueTyped("decidedByOrganisation", Variables.stringValue(user.actingFor(), true));
        if (reason != null) {
            variables.putValueTyped("declineReason", Variables.stringValue(reason, true));
        }
        processTasks.complete(handover.getId().toString(), WarmeOverdrachtIds.DECISION_TASK, variables, user.username(),
                "Deze overdracht wacht niet (meer) op een besluit.");
    }

    private Handover pendingForReceiver(UUID handoverId, CurrentUser user) {
        Handover handover = visible(handoverId, user);
        if (!receives(handover, user)) {
            throw new NotFoundException("Overdracht " + handoverId + " bestaat niet.");
        }
        if (handover.getReceiverProfessional() != null && !handover.getReceiverProfessional().equals(user.username())) {
            throw new ConflictException("Deze overdracht is bedoeld voor een collega: " + handover.getReceiverProfessional() + ".");
        }
        requirePending(handover);
        return handover;
    }

    /**
     * The sender, the sender's team or organisation and the receiving organisation see a handover; so
     * does whoever may see the handovers of the case (a procesregisseur on an escalated case). Others
     * get the answer a handover that does not exist gets.
     */
    private Handover visible(UUID handoverId, CurrentUser user) {
        Handover handover = handovers.findById(handoverId)
                .orElseThrow(() -> new NotFoundException("Overdracht " + handoverId + " bestaat niet."));
        boolean involved = handover.getSender().equals(user.username())
                || handover.getSenderOrganisation().equals(user.actingFor())
                || receives(handover, user);
        if (!involved) {
            try {
                access.require(handover.getCaseId(), DataCategory.HANDOVER, AccessAction.READ);
            } catch (NotFoundException | AccessDeniedException outOfScope) {
                throw new NotFoundException("Overdracht " + handoverId + " bestaat niet.");
            }
        }
        return handover;
    }

    /** The receiving party: a partner organisation, or the case's wijkteam when regie is handed back to it. */
    private static boolean receives(Handover handover, CurrentUser user) {
        return handover.getReceiverOrganisation().equals(user.organisation()) || handover.getReceiverOrganisation().equals(user.team());
    }

    private static void requirePending(Handover handover) {
        if (handover.getStatus() != Handover.Status.PROPOSED) {
            throw new ConflictException("Deze overdracht is al " + handover.getStatus() + ".");
        }
    }

    private void requireCasusregisseur(UUID caseId, CurrentUser user) {
        RegieView.Holder current = regie.currentCasusregie(caseId);
        boolean holds = switch (current.holderType()) {
            case PROFESSIONAL -> current.holder().equals(user.username());
            case TEAM -> current.holder().equals(user.team());
            case HOUSEHOLD -> false;
        };
        if (!holds) {
            throw new ConflictException("Alleen wie de casusregie heeft, draagt over (nu: " + current.holder() + ").");
        }
    }

    private static void checkConsent(HandoverContent.Consent consent) {
        if (consent.basis() == HandoverContent.Basis.CONSENT) {
            if (consent.givenBy() == null || consent.givenBy().isBlank()) {
                throw new InvalidInputException("consent.givenBy", "Wie van het huishouden gaf toestemming?");
            }
            if (consent.givenAt() == null) {
                throw new InvalidInputException("consent.givenAt", "Wanneer werd toestemming gegeven?");
            }
        } else if (consent.legalGround() == null || consent.legalGround().isBlank()) {
            throw new InvalidInputException("consent.legalGround", "Noem de wettelijke grondslag voor het delen.");
        }
    }

    /**
     * A partner who holds regie passes on only what the household shared with their own organisation:
     * the summary is built from the case file, and the sender reads it back, so a wider consent would
     * show the partner assessments and goals they were never given.
     */
    private void checkWithinOwnConsent(UUID caseId, HandoverContent.Consent consent) {
        access.consentLimits(caseId).ifPresent(limits -> {
            List<String> beyond = consent.leefgebieden().stream().map(Enum::name)
                    .filter(leefgebied -> !limits.leefgebieden().contains(leefgebied)).sorted().toList();
            if (!beyond.isEmpty()) {
                throw new InvalidInputException("consent.leefgebieden", "Uw organisatie kan alleen doorgeven wat het "
                        + "huishouden met haar deelde; niet: " + String.join(", ", beyond) + ".");
            }
        });
    }

    private List<UUID> checkScope(UUID caseId, HandoverRequest request) {
        List<UUID> actionIds = request.actionIds() == null ? List.of() : request.actionIds();
        if (request.scope() == Handover.Scope.REGIE) {
            if (!actionIds.isEmpty()) {
                throw new InvalidInputException("actionIds", "Een overdracht van de regie noemt geen losse acties.");
            }
            return actionIds;
        }
        if (actionIds.isEmpty()) {
            throw new InvalidInputException("actionIds", "Noem de acties uit het plan die worden overgedragen.");
        }
        Set<UUID> known = plans.currentActionIds(caseId);
        for (int i = 0; i < actionIds.size(); i++) {
            if (!known.contains(actionIds.get(i))) {
                throw new InvalidInputException("actionIds[" + i + "]", "Geen actie in het huidige plan.");
            }
        }
        return actionIds;
    }

    /**
     * The story so far, only for the leefgebieden the consent covers: the signals, the vraagverheldering
     * and, once there is one, the plan's goals. A handover of regie before the plan is legitimate early
     * in the route; its summary then holds the signals and the vraagverheldering only.
     */
    private HandoverContent.Summary summary(UUID caseId, HandoverRequest request) {
        Set<nl.wijkroute.household.Leefgebied> shared = request.consent().leefgebieden();
        VraagverhelderingView clarified = assessments.clarified(caseId);
        List<HandoverContent.SharedGoal> goals = plans.currentInFull(caseId)
                .map(plan -> plan.goals().stream().filter(goal -> shared.contains(goal.leefgebied())).map(mapper::toShared).toList())
                .orElse(List.of());
        List<HandoverContent.SharedSignal> sharedSignals = access.allows(DataCategory.CASE_FILE, AccessAction.READ)
                ? signals.viewsOf(caseId).stream().filter(signal -> shareable(signal, shared)).map(mapper::toShared).toList()
                // A sender who may not read the case file (a partner holding regie) cannot pass signals on either.
                : List.of();
        return new HandoverContent.Summary(clarified.realQuestion(), request.note(),
                // Scored cells only: "niet van toepassing" / "niet besproken" carry no zelfredzaamheid to pass on.
                clarified.assessments().stream().filter(a -> a.score() != null && shared.contains(a.leefgebied()))
                        .map(mapper::toShared).toList(),
                goals, sharedSignals);
    }

    /**
     * A signal's description is free text about all its leefgebieden: shared only when the consent covers
     * every one. A signal about safety stays with the wijkteam: it often names who reported it, and the
     * veiligheid step decides who hears of it (meldcode), not a consent per leefgebied.
     */
    private static boolean shareable(SignalView signal, Set<nl.wijkroute.household.Leefgebied> shared) {
        return !signal.safetyConcern() && !signal.leefgebieden().isEmpty() && shared.containsAll(signal.leefgebieden());
    }
}
