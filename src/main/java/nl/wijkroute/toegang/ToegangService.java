package nl.wijkroute.toegang;

import java.util.Arrays;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.system.security.CurrentUser;
import nl.wijkroute.toeleiding.ToeleidingService;
import nl.wijkroute.toeleiding.ToeleidingTraceView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import nl.wijkroute.system.MunicipalTime;
import org.springframework.beans.factory.annotation.Value;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.deadline.DeadlineService;
import nl.wijkroute.deadline.LegalTerm;
import nl.wijkroute.deadline.WorkingDays;
import nl.wijkroute.plan.PlanService;
import nl.wijkroute.route.CaseStatus;
import nl.wijkroute.route.EngineActor;
import nl.wijkroute.route.ProcessTasks;
import nl.wijkroute.route.RouteVariables;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;

/**
 * Toegang: a plan action needs a maatwerkvoorziening, so the case goes to the municipality's formal
 * decision under the right law. The route starts bpmn/toegang.bpmn; the legal clock runs from the day
 * of receipt. Toegang does not redo the vraagverheldering: the request points at the plan action.
 */
@Service
public class ToegangService {


    private final ToegangRequestRepository requests;
    private final SupportCaseService cases;
    private final PlanService plans;
    private final DeadlineService deadlines;
    private final RuntimeService runtimeService;
    private final ProcessTasks processTasks;
    private final EngineActor engineActor;
    private final ToegangMapper mapper;
    private final Clock clock;
    private final CaseAccess access;
    private final ToeleidingService toeleiding;
    private final BezwaarRepository bezwaren;
    private final Period herindicatieBefore;
    private final WorkingDays calendar;

    ToegangService(ToegangRequestRepository requests, SupportCaseService cases, PlanService plans, DeadlineService deadlines,
                   RuntimeService runtimeService, ProcessTasks processTasks, EngineActor engineActor, ToegangMapper mapper,
                   Clock clock, CaseAccess access, ToeleidingService toeleiding, BezwaarRepository bezwaren,
                   WorkingDays calendar, @Value("${wijkroute.toegang.herindicatie-before:P8W}") String herindicatieBefore) {
        this.access = access;
        this.toeleiding = toeleiding;
        this.bezwaren = bezwaren;
        this.calendar = calendar;
        this.herindicatieBefore = Period.parse(herindicatieBefore);
        this.requests = requests;
        this.cases = cases;
        this.plans = plans;
        this.deadlines = deadlines;
        this.runtimeService = runtimeService;
        this.processTasks = processTasks;
        this.engineActor = engineActor;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public ToegangDtos.ToegangView request(UUID caseId, ToegangDtos.ToegangRequestInput input, String by) {
        access.require(caseId, DataCategory.TOEGANG, AccessAction.CREATE);
        if (cases.statusOf(caseId) != CaseStatus.OPEN) {
            throw new ConflictException("Toegang vraag je aan voor een open casus.");
        }
        if (input.isUrgent() && input.law() != Law.WGS) {
            throw new InvalidInputException("urgent", "Spoed (drie werkdagen) geldt alleen voor de Wgs.");
        }
        if (input.planActionId() != null && !plans.currentActionIds(caseId).contains(input.planActionId())) {
            throw new InvalidInputException("planActionId", "Geen actie in het huidige plan.");
        }
        ToegangRequest request = requests.save(new ToegangRequest(caseId, input.planActionId(), input.law(), input.provision(),
                input.isUrgent(), input.receivedOn(), by, clock.instant()));
        DeadlineService.Started deadline = deadlines.start(caseId, request.getId(), input.law().firstTerm(input.isUrgent()), input.receivedOn());
        VariableMap variables = clockVariables(deadline).putValue("toegangRequestId", request.getId().toString())
                .putValue("law", input.law().name());
        engineActor.as(by, () -> runtimeService.createMessageCorrelation(RoutekaartIds.TOEGANG_REQUESTED_MESSAGE)
                .processInstanceBusinessKey(caseId.toString()).setVariablesToTriggeredScope(variables).correlate());
        return view(request);
    }

    /** Wmo: onderzoek done, aanvraag received; the two-week beschikking term starts. */
    @Transactional
    public ToegangDtos.ToegangView onderzoekDone(UUID requestId, ToegangDtos.OnderzoekDone input, String by) {
        ToegangRequest request = accessible(requestId, AccessAction.UPDATE);
        if (request.getPhase() != ToegangRequest.Phase.ONDERZOEK) {
            throw new ConflictException("Er loopt geen onderzoek voor deze aanvraag (fase " + request.getPhase() + ").");
        }
        if (input.aanvraagReceivedOn().isBefore(request.getReceivedOn())) {
            throw new InvalidInputException("aanvraagReceivedOn", "De aanvraag volgt op de melding.");
        }
        deadlines.meetOpenTerms(requestId);
        DeadlineService.Started beschikking = deadlines.start(request.getCaseId(), requestId, LegalTerm.WMO_BESCHIKKING,
                input.aanvraagReceivedOn());
        request.toBesluit();
        complete(request, ToegangIds.ONDERZOEK, clockVariables(beschikking), by);
        return view(request);
    }

    @Transactional
    public ToegangDtos.ToegangView decide(UUID requestId, ToegangDtos.DecisionInput input, String by) {
        ToegangRequest request = accessible(requestId, AccessAction.UPDATE);
        if (request.getPhase() == ToegangRequest.Phase.ONDERZOEK) {
            throw new ConflictException("Eerst het onderzoek (Wmo 2015 art. 2.3.2), dan de aanvraag en pas dan het besluit.");
        }
        if (request.getPhase() == ToegangRequest.Phase.BESLOTEN) {
            throw new ConflictException("Over deze aanvraag is al besloten.");
        }
        boolean needsReason = input.outcome() != ToegangRequest.Outcome.GRANTED;
        if (needsReason && (input.reason() == null || input.reason().isBlank())) {
            throw new InvalidInputException("reason", "Een (gedeeltelijke) afwijzing wordt gemotiveerd.");
        }
        if (needsReason && input.clientondersteuningOffered() == null) {
            throw new InvalidInputException("clientondersteuningOffered",
                    "Leg bij een (gedeeltelijke) afwijzing vast of onafhankelijke cliëntondersteuning is aangeboden.");
        }
        if (!needsReason && input.clientondersteuningOffered() != null) {
            throw new InvalidInputException("clientondersteuningOffered", "Alleen bij een (gedeeltelijke) afwijzing.");
        }
        LocalDate sentOn = input.sentOn() != null ? input.sentOn() : today();
        if (sentOn.isBefore(request.getReceivedOn())) {
            throw new InvalidInputException("sentOn", "Het besluit wordt verzonden na de aanvraag (" + request.getReceivedOn() + ").");
        }
        ToegangRequest.Decision decision = decision(request, input.outcome(), input.grantedProvision(), input.reason(),
                input.clientondersteuningOffered(), sentOn, input.grantedFrom(), input.grantedUntil());
        deadlines.meetOpenTerms(requestId);
        request.decide(decision, by, clock.instant());
        VariableMap variables = Variables.createVariables().putValue("toegangOutcome", input.outcome().name());
        complete(request, ToegangIds.BESLUIT, variables, by);
        scheduleHerindicatie(request, by);
        return view(request);
    }

    /**
     * The household objects (bezwaar): recorded with whether it came within the bezwaartermijn (Awb 6:9),
     * and the beslistermijn on the bezwaar starts on the same legal clock as the other terms: six weeks, or
     * twelve with an advisory committee, from the day after the bezwaartermijn ended (Awb 7:10 lid 1). A
     * new instance of bpmn/toegang.bpmn waits for the decision with its warning and breach timers.
     */
    @Transactional
    public ToegangDtos.BezwaarView object(UUID requestId, ToegangDtos.BezwaarInput input, String by) {
        ToegangRequest request = accessible(requestId, AccessAction.UPDATE);
        if (request.getPhase() != ToegangRequest.Phase.BESLOTEN) {
            throw new ConflictException("Bezwaar richt zich tegen een besluit; over deze aanvraag is nog niet besloten.");
        }
        if (bezwaren.findByToegangRequestId(requestId).isPresent()) {
            throw new ConflictException("Tegen dit besluit is al bezwaar gemaakt; tegen de beslissing op bezwaar staat beroep open.");
        }
        LocalDate sentOn = sentOn(request);
        if (input.receivedOn().isBefore(sentOn)) {
            throw new InvalidInputException("receivedOn", "Het bezwaar komt na de bekendmaking van het besluit (" + sentOn + ").");
        }
        LocalDate termEnds = bezwaarTermEndsOn(request);
        boolean timely = !input.receivedOn().isAfter(termEnds);
        Bezwaar bezwaar = bezwaren.save(new Bezwaar(request, input.receivedOn(), timely, input.advisoryCommittee(), by,
                clock.instant()));
        // A late bezwaar (Awb 6:11) cannot be decided on before it exists: its term runs from its receipt.
        LocalDate termStartsAfter = timely ? termEnds : input.receivedOn();
        LegalTerm term = input.advisoryCommittee() ? LegalTerm.BESLISSING_OP_BEZWAAR_COMMISSIE : LegalTerm.BESLISSING_OP_BEZWAAR;
        DeadlineService.Started deadline = deadlines.start(request.getCaseId(), requestId, term, termStartsAfter);
        VariableMap variables = clockVariables(deadline).putValue("toegangRequestId", requestId.toString());
        engineActor.as(by, () -> runtimeService.startProcessInstanceByMessage(ToegangIds.BEZWAAR_MESSAGE, requestId.toString(),
                variables));
        return view(bezwaar);
    }

    /**
     * The decision on the bezwaar. A gegrond bezwaar revokes the contested decision and puts the revised one
     * in its place (Awb 7:11 lid 2): the request shows the revised decision, the bezwaar keeps the original
     * outcome, and a revised grant gets its own period and herindicatie. The route does not move again.
     */
    @Transactional
    public ToegangDtos.BezwaarView decideBezwaar(UUID requestId, ToegangDtos.BezwaarDecisionInput input, String by) {
        ToegangRequest request = accessible(requestId, AccessAction.UPDATE);
        Bezwaar bezwaar = bezwaren.findByToegangRequestId(requestId)
                .orElseThrow(() -> new NotFoundException("Tegen dit besluit is geen bezwaar gemaakt."));
        if (bezwaar.getOutcome() != null) {
            throw new ConflictException("Op dit bezwaar is al beslist.");
        }
        boolean withdrawn = input.outcome() == Bezwaar.Outcome.INGETROKKEN;
        if (!withdrawn && (input.reason() == null || input.reason().isBlank())) {
            throw new InvalidInputException("reason", "De beslissing op bezwaar wordt gemotiveerd (Awb 7:12).");
        }
        boolean gegrond = input.outcome() == Bezwaar.Outcome.GEGROND;
        if (gegrond && input.revisedOutcome() == null) {
            throw new InvalidInputException("revisedOutcome", "Een gegrond bezwaar herroept het besluit: welk besluit komt ervoor in de plaats?");
        }
        if (!gegrond && input.revisedOutcome() != null) {
            throw new InvalidInputException("revisedOutcome", "Alleen een gegrond bezwaar herroept het besluit (Awb 7:11).");
        }
        ToegangRequest.Decision revised = gegrond ? decision(request, input.revisedOutcome(), input.grantedProvision(),
                input.reason(), request.getClientondersteuningOffered(), today(), input.grantedFrom(), input.grantedUntil()) : null;
        deadlines.meetOpenTerms(requestId);
        bezwaar.decide(input.outcome(), input.reason(), by, clock.instant());
        if (revised != null) {
            request.decide(revised, by, clock.instant());
        }
        processTasks.complete(requestId.toString(), ToegangIds.BESLISSING_OP_BEZWAAR,
                Variables.createVariables().putValue("bezwaarOutcome", input.outcome().name()), by,
                "Er ligt geen bezwaar open om op te beslissen.");
        if (revised != null) {
            scheduleHerindicatie(request, by);
        }
        return view(bezwaar);
    }

    @Transactional(readOnly = true)
    public ToegangDtos.BezwaarView bezwaar(UUID requestId) {
        accessible(requestId, AccessAction.READ);
        return bezwaren.findByToegangRequestId(requestId).map(this::view)
                .orElseThrow(() -> new NotFoundException("Tegen dit besluit is geen bezwaar gemaakt."));
    }

    /** The toegang consulent has re-assessed the grant before it ends (a new request follows separately if needed). */
    @Transactional
    public ToegangDtos.ToegangView herindicatieDone(UUID requestId, String by) {
        ToegangRequest request = accessible(requestId, AccessAction.UPDATE);
        complete(request, ToegangIds.HERINDICATIE, Map.of(), by);
        request.herindicatieDone(clock.instant());
        return view(request);
    }

    /**
     * A decision validated as a whole: a (partial) grant has a period (from before until), and its
     * herindicatie comes the configured time before the grant ends.
     */
    private ToegangRequest.Decision decision(ToegangRequest request, ToegangRequest.Outcome outcome, String grantedProvision,
                                             String reason, Boolean clientondersteuningOffered, LocalDate sentOn,
                                             LocalDate grantedFrom, LocalDate grantedUntil) {
        boolean grant = outcome != ToegangRequest.Outcome.REFUSED;
        if (grant && grantedFrom == null) {
            throw new InvalidInputException("grantedFrom", "Een toekenning heeft een ingangsdatum.");
        }
        if (grant && grantedUntil == null) {
            throw new InvalidInputException("grantedUntil", "Een toekenning heeft een einddatum; daarvoor volgt de herindicatie.");
        }
        if (grant && !grantedUntil.isAfter(grantedFrom)) {
            throw new InvalidInputException("grantedUntil", "De einddatum ligt na de ingangsdatum.");
        }
        if (!grant && (grantedFrom != null || grantedUntil != null)) {
            throw new InvalidInputException(grantedFrom != null ? "grantedFrom" : "grantedUntil", "Een afwijzing heeft geen looptijd.");
        }
        String granted = !grant ? null : grantedProvision != null ? grantedProvision : request.getProvision();
        return new ToegangRequest.Decision(outcome, granted, reason, clientondersteuningOffered, sentOn,
                LegalTerm.BEZWAARTERMIJN.dueOn(sentOn, calendar), grant ? grantedFrom : null,
                grant ? grantedUntil : null, grant ? grantedUntil.minus(herindicatieBefore) : null);
    }

    /**
     * A grant waits for its herindicatie in an instance of bpmn/toegang.bpmn of its own (the route does not
     * wait for it). A revised decision moves that wait, or ends it when the grant is gone.
     */
    private void scheduleHerindicatie(ToegangRequest request, String by) {
        String businessKey = request.getId().toString();
        List<org.camunda.bpm.engine.runtime.ProcessInstance> waiting = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ToegangIds.PROCESS).processInstanceBusinessKey(businessKey)
                .activityIdIn(ToegangIds.HERINDICATIE_WAIT).list();
        waiting.forEach(process -> runtimeService.deleteProcessInstance(process.getId(),
                "Besluit herzien na bezwaar: de herindicatie volgt het nieuwe besluit", true));
        if (request.getHerindicatieOn() == null) {
            return;
        }
        Date at = Date.from(request.getHerindicatieOn().atTime(LocalTime.of(8, 0)).atZone(MunicipalTime.ZONE).toInstant());
        VariableMap variables = Variables.createVariables().putValue("toegangRequestId", businessKey).putValue("herindicatieAt", at);
        engineActor.as(by, () -> runtimeService.startProcessInstanceByMessage(ToegangIds.HERINDICATIE_MESSAGE, businessKey,
                variables));
    }

    private LocalDate sentOn(ToegangRequest request) {
        // Decisions from before V45 have no day of sending: the day of the decision stands in for it.
        return request.getDecisionSentOn() != null ? request.getDecisionSentOn()
                : LocalDate.ofInstant(request.getDecidedAt(), MunicipalTime.ZONE);
    }

    private LocalDate bezwaarTermEndsOn(ToegangRequest request) {
        return request.getBezwaarTermEndsOn() != null ? request.getBezwaarTermEndsOn()
                : LegalTerm.BEZWAARTERMIJN.dueOn(sentOn(request), calendar);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MunicipalTime.ZONE));
    }

    /**
     * Called by bpmn/toegang.bpmn after a refusal or partial grant: the route's message boundary events
     * take the case back to the plan (full route) or the toeleiding (short route) to look for an
     * alternative, from whichever step it stands at (decision 0050); at a step before those, or at
     * veiligheid, nothing catches the message and the case stays where it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void returnToPlan(UUID requestId) {
        ToegangRequest request = request(requestId);
        // Only a neutral fixed text goes into the step history: the history is read by frontoffice and
        // partners, who may not see toegang details (law, provision, reason, cliëntondersteuning); those stay
        // on the toegang request. A fixed text also always fits step_history.reason.
        String what = request.getOutcome() == ToegangRequest.Outcome.PARTLY ? "Toegang deels toegekend" : "Toegang afgewezen";
        runtimeService.createMessageCorrelation(RoutekaartIds.TOEGANG_REFUSED_MESSAGE)
                .processInstanceBusinessKey(request.getCaseId().toString())
                .setVariable(RouteVariables.MOVE_REASON, Variables.stringValue(what, true))
                .correlateAll();
    }

    @Transactional(readOnly = true)
    public ToegangDtos.ToegangView get(UUID requestId) {
        return view(accessible(requestId, AccessAction.READ));
    }

    @Transactional(readOnly = true)
    public List<ToegangDtos.ToegangView> forCase(UUID caseId) {
        access.require(caseId, DataCategory.TOEGANG, AccessAction.READ);
        List<ToeleidingTraceView> traces = toeleiding.tracesOf(caseId);
        return requests.findByCaseIdOrderByRequestedAtAsc(caseId).stream().map(request -> view(request, traces)).toList();
    }

    /**
     * The case's requests still waiting for their legal decision, for the case file. They run on after
     * the case closed: the municipality must still decide within the term (decision 0027). The case
     * file has already decided and logged the access, and passes the case's toeleiding traces it read itself
     * (decision 0061: not read twice); only the undecided requests are read.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ToegangDtos.ToegangView> stillToDecide(UUID caseId, List<ToeleidingTraceView> traces) {
        return requests.findByCaseIdAndPhaseNotOrderByRequestedAt(caseId, ToegangRequest.Phase.BESLOTEN).stream()
                .map(request -> view(request, traces)).toList();
    }

    /** The toegang team's queue: requests still waiting for onderzoek or besluit, oldest first. */
    @Transactional(readOnly = true)
    public PageView<ToegangDtos.ToegangView> open(CurrentUser user, PageParams paging) {
        List<Law> laws = user.laws().stream().flatMap(law -> Arrays.stream(Law.values()).filter(l -> l.name().equals(law)))
                .toList();
        if (laws.isEmpty()) {
            return PageView.of(List.of(), paging, 0);
        }
        // Oldest first; the id keeps the order stable between pages.
        Page<ToegangRequest> open = requests.findByPhaseInAndLawIn(
                EnumSet.of(ToegangRequest.Phase.ONDERZOEK, ToegangRequest.Phase.BESLUIT), laws,
                paging.pageable(Sort.by("receivedOn").and(Sort.by("id"))));
        List<UUID> caseIds = open.getContent().stream().map(ToegangRequest::getCaseId).toList();
        access.logListed(caseIds, DataCategory.TOEGANG);
        // The page's toeleiding traces in one query, not one per request.
        Map<UUID, List<ToeleidingTraceView>> traces = toeleiding.tracesOf(caseIds);
        return PageView.of(open.map(request -> view(request, traces.getOrDefault(request.getCaseId(), List.of()))));
    }

    /**
     * A request the current user may see or work on: its case in their scope and, for a toegang
     * consulent, under a law they decide on. Otherwise it does not exist for them.
     */
    private ToegangRequest accessible(UUID requestId, AccessAction action) {
        ToegangRequest request = request(requestId);
        access.requireToegang(request.getCaseId(), () -> request.getLaw().name(), action,
                () -> new NotFoundException("Toegangsaanvraag " + requestId + " bestaat niet."));
        return request;
    }

    private static VariableMap clockVariables(DeadlineService.Started deadline) {
        return Variables.createVariables().putValue("deadlineId", deadline.deadlineId().toString())
                .putValue("warnAt", deadline.dates().warnAt()).putValue("dueAt", deadline.dates().dueAt());
    }

    private void complete(ToegangRequest request, String taskKey, Map<String, Object> variables, String by) {
        processTasks.complete(request.getId().toString(), taskKey, variables, by,
                "De toegang-stap '" + taskKey + "' staat niet open.");
    }

    private ToegangRequest request(UUID requestId) {
        return requests.findById(requestId).orElseThrow(() -> new NotFoundException("Toegangsaanvraag " + requestId + " bestaat niet."));
    }

    /** A request with its deadlines and the toeleiding's trace: toegang sees what the toeleiding already did. */
    private ToegangDtos.ToegangView view(ToegangRequest request) {
        return view(request, toeleiding.tracesOf(request.getCaseId()));
    }

    private ToegangDtos.ToegangView view(ToegangRequest request, List<ToeleidingTraceView> traces) {
        return mapper.toView(request, deadlines.forToegangRequest(request.getId()), traces);
    }

    private ToegangDtos.BezwaarView view(Bezwaar bezwaar) {
        return mapper.toView(bezwaar, deadlines.forToegangRequest(bezwaar.getToegangRequestId()).stream()
                .filter(deadline -> deadline.term() == LegalTerm.BESLISSING_OP_BEZWAAR
                        || deadline.term() == LegalTerm.BESLISSING_OP_BEZWAAR_COMMISSIE).toList());
    }
}
