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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.deadline.DeadlineService;
import nl.wijkroute.deadline.LegalTerm;
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

    ToegangService(ToegangRequestRepository requests, SupportCaseService cases, PlanService plans, DeadlineService deadlines,
                   RuntimeService runtimeService, ProcessTasks processTasks, EngineActor engineActor, ToegangMapper mapper,
                   Clock clock, CaseAccess access, ToeleidingService toeleiding) {
        this.access = access;
        this.toeleiding = toeleiding;
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
        String granted = input.outcome() == ToegangRequest.Outcome.REFUSED ? null
                : input.grantedProvision() != null ? input.grantedProvision() : request.getProvision();
        deadlines.meetOpenTerms(requestId);
        request.decide(input.outcome(), granted, input.reason(), by, clock.instant());
        VariableMap variables = Variables.createVariables().putValue("toegangOutcome", input.outcome().name());
        complete(request, ToegangIds.BESLUIT, variables, by);
        return view(request);
    }

    /**
     * Called by bpmn/toegang.bpmn after a refusal: if the route is at regie it goes back to the plan
     * (a message boundary event in the route), to look for an alternative in the toeleiding.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void returnToPlan(UUID requestId) {
        ToegangRequest request = request(requestId);
        runtimeService.createMessageCorrelation(RoutekaartIds.TOEGANG_REFUSED_MESSAGE)
                .processInstanceBusinessKey(request.getCaseId().toString())
                .setVariable(RouteVariables.MOVE_REASON, Variables.stringValue("Toegang afgewezen (" + request.getLaw() + ", "
                        + request.getProvision() + "): " + request.getDecisionReason(), true))
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
     * file has already decided and logged the access.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ToegangDtos.ToegangView> stillToDecide(UUID caseId) {
        List<ToegangRequest> undecided = requests.findByCaseIdOrderByRequestedAtAsc(caseId).stream()
                .filter(request -> request.getPhase() != ToegangRequest.Phase.BESLOTEN).toList();
        if (undecided.isEmpty()) {
            return List.of();
        }
        List<ToeleidingTraceView> traces = toeleiding.tracesOf(caseId);
        return undecided.stream().map(request -> view(request, traces)).toList();
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
}
