package nl.wijkroute.escalation;

import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.regie.RegieService;
import nl.wijkroute.route.CaseStatus;
import nl.wijkroute.route.EngineActor;
import nl.wijkroute.route.ProcessTasks;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.system.MunicipalTime;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;

/**
 * Escalation: a worker (or a procesregisseur acting on a detected stagnation) escalates a stuck case;
 * the route starts bpmn/escalatie.bpmn; a procesregisseur takes procesregie, records the doorbraak
 * with its follow-up, and hands the case back to the casusregisseur.
 */
@Service
public class EscalationService {

    /** The payer when the municipality funds for now, while responsibility is sorted out. */
    static final String MUNICIPALITY = "gemeente";

    private final EscalationRepository escalations;
    private final DoorbraakActionRepository actions;
    private final StagnationSignalService stagnation;
    private final SupportCaseService cases;
    private final RegieService regie;
    private final OrganisationService organisations;
    private final RuntimeService runtimeService;
    private final ProcessTasks processTasks;
    private final EngineActor engineActor;
    private final EscalationMapper mapper;
    private final Clock clock;
    private final CaseAccess access;

    EscalationService(EscalationRepository escalations, DoorbraakActionRepository actions, StagnationSignalService stagnation,
                      SupportCaseService cases, RegieService regie, OrganisationService organisations,
                      RuntimeService runtimeService, ProcessTasks processTasks, EngineActor engineActor,
                      EscalationMapper mapper, Clock clock, CaseAccess access) {
        this.access = access;
        this.escalations = escalations;
        this.actions = actions;
        this.stagnation = stagnation;
        this.cases = cases;
        this.regie = regie;
        this.organisations = organisations;
        this.runtimeService = runtimeService;
        this.processTasks = processTasks;
        this.engineActor = engineActor;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public EscalationDtos.EscalationView raise(UUID caseId, EscalationDtos.RaiseInput input, String by) {
        access.require(caseId, DataCategory.ESCALATION, AccessAction.CREATE);
        return start(caseId, input.cause(), input.description(), Escalation.Source.WORKER, null, by);
    }

    /** A procesregisseur escalates what the system detected (a late handover, a term at risk, a case standing still). */
    @Transactional
    public EscalationDtos.EscalationView raiseFromSignal(UUID signalId, String by) {
        StagnationSignalService.SignalView signal = stagnation.getOpen(signalId);
        // The detected signal is the procesregisseur's reason to act on a case that is not yet theirs.
        access.logInvolved(List.of(signal.caseId()), DataCategory.ESCALATION, AccessAction.CREATE);
        return start(signal.caseId(), EscalationCause.DETECTED_STAGNATION, signal.description(), Escalation.Source.DETECTION,
                signalId, by);
    }

    @Transactional
    public EscalationDtos.EscalationView take(UUID escalationId, String procesregisseur) {
        Escalation escalation = accessible(escalationId, AccessAction.UPDATE);
        if (escalation.getStatus() != Escalation.Status.OPEN) {
            throw new ConflictException("Deze escalatie is al opgepakt door " + escalation.getProcesregisseur() + ".");
        }
        escalation.take(procesregisseur, clock.instant());
        regie.startProcesregie(escalation.getCaseId(), procesregisseur, "Escalatie: " + escalation.getCause());
        complete(escalation, EscalatieIds.PROCESREGIE_OPPAKKEN, Map.of("procesregisseur", procesregisseur), procesregisseur);
        return view(escalation);
    }

    @Transactional
    public EscalationDtos.EscalationView recordDoorbraak(UUID escalationId, EscalationDtos.DoorbraakInput input, String by) {
        Escalation escalation = heldBy(escalationId, by);
        if (escalation.getStatus() != Escalation.Status.TAKEN) {
            throw new ConflictException("De doorbraak is al vastgelegd (status " + escalation.getStatus() + ").");
        }
        for (int i = 0; i < input.participants().size(); i++) {
            organisations.requireActive(input.participants().get(i), "participants[" + i + "]");
        }
        if (input.payer() != null && !MUNICIPALITY.equals(input.payer())) {
            organisations.requireActive(input.payer(), "payer");
        }
        if (input.payer() != null && input.payUntil() == null) {
            throw new InvalidInputException("payUntil", "Tot wanneer betaalt " + input.payer() + "?");
        }
        for (int i = 0; i < input.actions().size(); i++) {
            organisations.requireActive(input.actions().get(i).organisationId(), "actions[" + i + "].organisationId");
        }
        escalation.breakThrough(new Escalation.Doorbraak(input.casusoverlegAt(), List.copyOf(input.participants()),
                input.decision(), input.payer(), input.payUntil(), by, input.followUpBefore()));
        input.actions().forEach(action -> actions.save(new DoorbraakAction(escalationId, action.description(),
                action.organisationId(), action.dueOn())));
        Date followUpBefore = Date.from(input.followUpBefore().atStartOfDay(MunicipalTime.ZONE).toInstant());
        complete(escalation, EscalatieIds.DOORBRAAK, Map.of("followUpBefore", followUpBefore), by);
        return view(escalation);
    }

    @Transactional
    public EscalationDtos.EscalationView actionDone(UUID escalationId, UUID actionId, String by) {
        Escalation escalation = heldBy(escalationId, by);
        DoorbraakAction action = actions.findById(actionId).filter(a -> a.getEscalationId().equals(escalationId))
                .orElseThrow(() -> new NotFoundException("Actie " + actionId + " hoort niet bij deze escalatie."));
        action.done(today());
        return view(escalation);
    }

    @Transactional
    public EscalationDtos.EscalationView deescalate(UUID escalationId, String note, String by) {
        Escalation escalation = heldBy(escalationId, by);
        if (escalation.getStatus() != Escalation.Status.DOORBRAAK) {
            throw new ConflictException("Eerst een doorbraak vastleggen, dan terug naar de casusregisseur.");
        }
        escalation.deescalate(note, clock.instant());
        regie.endProcesregie(escalation.getCaseId());
        if (escalation.getStagnationSignal() != null) {
            stagnation.resolve(escalation.getStagnationSignal());
        }
        complete(escalation, EscalatieIds.OPVOLGING, Map.of(), by);
        return view(escalation);
    }

    /** Called by the BPMN when the follow-up date passed with actions still open. */
    @Transactional(propagation = Propagation.MANDATORY)
    void followUpLate(UUID escalationId) {
        Escalation escalation = escalation(escalationId);
        long open = actions.findByEscalationIdOrderByDueOnAsc(escalationId).stream().filter(a -> a.getDoneOn() == null).count();
        if (open > 0) {
            stagnation.raise(escalation.getCaseId(), StagnationKind.DOORBRAAK_FOLLOW_UP_LATE, escalationId,
                    open + " actie(s) uit de doorbraak zijn niet op tijd opgevolgd.");
        }
    }

    /**
     * Called by bpmn/escalatie.bpmn when the route wants to close the case (or end its support) while
     * this escalation runs: refused, so the whole move is undone. The procesregisseur de-escalates first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void refuseClosing(UUID escalationId) {
        Escalation escalation = escalation(escalationId);
        throw new ConflictException("De casus kan niet worden afgesloten zolang de escalatie loopt (status "
                + escalation.getStatus() + "); de procesregisseur de-escaleert eerst.");
    }

    @Transactional(readOnly = true)
    public PageView<EscalationDtos.EscalationView> queue(PageParams paging) {
        // Every open escalation is in every procesregisseur's scope: this queue is where they pick one up.
        // Oldest first; the id keeps the order stable between pages.
        Page<Escalation> open = escalations.findByStatusIn(EnumSet.of(Escalation.Status.OPEN,
                Escalation.Status.TAKEN, Escalation.Status.DOORBRAAK), paging.pageable(Sort.by("raisedAt").and(Sort.by("id"))));
        access.logListed(open.getContent().stream().map(Escalation::getCaseId).toList(), DataCategory.ESCALATION);
        return PageView.of(open.map(this::view));
    }

    @Transactional(readOnly = true)
    public EscalationDtos.EscalationView get(UUID escalationId) {
        return view(accessible(escalationId, AccessAction.READ));
    }

    private Escalation accessible(UUID escalationId, AccessAction action) {
        Escalation escalation = escalation(escalationId);
        access.require(escalation.getCaseId(), DataCategory.ESCALATION, action,
                () -> new NotFoundException("Escalatie " + escalationId + " bestaat niet."));
        return escalation;
    }

    private EscalationDtos.EscalationView start(UUID caseId, EscalationCause cause, String description, Escalation.Source source,
                                                UUID signalId, String by) {
        if (cases.statusOf(caseId) == CaseStatus.CLOSED) {
            throw new ConflictException("Een gesloten casus escaleer je niet.");
        }
        if (escalations.findFirstByCaseIdAndStatusNot(caseId, Escalation.Status.DEESCALATED).isPresent()) {
            throw new ConflictException("Deze casus is al geëscaleerd; vul die escalatie aan.");
        }
        Escalation escalation = new Escalation(caseId, cause, description, source, signalId, by, clock.instant());
        try {
            escalations.saveAndFlush(escalation);
        } catch (DataIntegrityViolationException raced) {
            throw new ConflictException("Deze casus is zojuist geëscaleerd.");
        }
        engineActor.as(by, () -> runtimeService.createMessageCorrelation(RoutekaartIds.ESCALATED_MESSAGE)
                .processInstanceBusinessKey(caseId.toString())
                .setVariablesToTriggeredScope(Variables.createVariables().putValue("escalationId", escalation.getId().toString()))
                .correlate());
        return view(escalation);
    }

    private Escalation heldBy(UUID escalationId, String user) {
        Escalation escalation = accessible(escalationId, AccessAction.UPDATE);
        if (escalation.getStatus() == Escalation.Status.DEESCALATED || !user.equals(escalation.getProcesregisseur())) {
            throw new ConflictException("Je hebt de procesregie over deze escalatie niet.");
        }
        return escalation;
    }

    private void complete(Escalation escalation, String taskKey, Map<String, Object> variables, String by) {
        processTasks.complete(escalation.getId().toString(), taskKey, variables, by,
                "De escalatiestap '" + taskKey + "' staat niet open.");
    }

    private Escalation escalation(UUID escalationId) {
        return escalations.findById(escalationId).orElseThrow(() -> new NotFoundException("Escalatie " + escalationId + " bestaat niet."));
    }

    private EscalationDtos.EscalationView view(Escalation escalation) {
        return mapper.toView(escalation, actions.findByEscalationIdOrderByDueOnAsc(escalation.getId()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MunicipalTime.ZONE));
    }
}
