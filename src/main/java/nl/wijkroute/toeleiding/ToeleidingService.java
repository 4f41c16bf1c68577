package nl.wijkroute.toeleiding;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.wijkroute.partner.OrganisationService;
import nl.wijkroute.partner.OrganisationType;
import nl.wijkroute.partner.OrganisationView;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.step.OutcomeStep;
import nl.wijkroute.route.step.StepHandler;
import nl.wijkroute.system.problem.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The toeleiding step: hands its outcome to the route's gateway and records the trace — what the household
 * was connected to and whether the voorliggend veld was used before a maatwerk request — so that toegang,
 * receiving a request later, does not have to ask again (DOMAIN.md §3: toegang checks what is missing).
 */
@Service
public class ToeleidingService implements StepHandler<ToeleidingInput> {

    /**
     * The partner register's type that is itself the voorliggend veld (welzijn, maatschappelijk werk). Every
     * other type (GGZ, schuldhulp, jeugdhulp, …) is reached through the register but is not a free community
     * provision, so the worker states whether the voorliggend veld was used first.
     */
    static final EnumSet<OrganisationType> VOORLIGGEND_VELD_TYPES = EnumSet.of(OrganisationType.WELZIJN_MAATSCHAPPELIJK_WERK);

    private final OutcomeStep<ToeleidingInput, ToeleidingOutcome> outcomeStep = new OutcomeStep<>(RoutekaartIds.TOELEIDING,
            ToeleidingInput.class, "toeleidingOutcome", EnumSet.of(ToeleidingOutcome.NEEDS_FULL_ROUTE));

    private final ToeleidingTraceRepository traces;
    private final OrganisationService organisations;
    private final Clock clock;

    ToeleidingService(ToeleidingTraceRepository traces, OrganisationService organisations, Clock clock) {
        this.traces = traces;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    public String taskKey() {
        return RoutekaartIds.TOELEIDING;
    }

    @Override
    public Class<ToeleidingInput> inputType() {
        return ToeleidingInput.class;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Object> apply(UUID caseId, String actor, ToeleidingInput input) {
        Map<String, Object> variables = outcomeStep.apply(caseId, actor, input);
        traces.save(trace(caseId, actor, input));
        return variables;
    }

    /** The case's toeleiding traces, oldest first. The caller has decided and logged the access (case file, toegang). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ToeleidingTraceView> tracesOf(UUID caseId) {
        return traces.findByCaseIdOrderByRecordedAtAsc(caseId).stream().map(ToeleidingTrace::toView).toList();
    }

    /** The traces of several cases in one query (a page of toegang requests), per case, oldest first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, List<ToeleidingTraceView>> tracesOf(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return traces.findByCaseIdInOrderByRecordedAtAsc(caseIds).stream().map(ToeleidingTrace::toView)
                .collect(Collectors.groupingBy(ToeleidingTraceView::caseId));
    }

    private ToeleidingTrace trace(UUID caseId, String actor, ToeleidingInput input) {
        boolean voorziening = input.connectedTo() != null && !input.connectedTo().isBlank();
        boolean organisation = input.connectedOrganisationId() != null && !input.connectedOrganisationId().isBlank();
        if (input.outcome() == ToeleidingOutcome.NEEDS_FULL_ROUTE) {
            if (voorziening || organisation) {
                throw new InvalidInputException(voorziening ? "connectedTo" : "connectedOrganisationId",
                        "Alleen bij CONNECTED: de volledige route verbindt nog met niemand.");
            }
            return new ToeleidingTrace(caseId, input.outcome(), null, null, null, false,
                    used(input, false), actor, clock.instant());
        }
        if (voorziening == organisation) {
            throw new InvalidInputException(voorziening ? "connectedOrganisationId" : "connectedTo",
                    "Bij CONNECTED: met welke voorziening (connectedTo) óf welke partner (connectedOrganisationId)?");
        }
        if (voorziening) {
            return new ToeleidingTrace(caseId, input.outcome(), ConnectionKind.VOORZIENING, null, input.connectedTo().strip(),
                    true, used(input, true), actor, clock.instant());
        }
        OrganisationView partner = organisations.requireActive(input.connectedOrganisationId(), "connectedOrganisationId");
        boolean inVoorliggendVeld = VOORLIGGEND_VELD_TYPES.contains(partner.type());
        return new ToeleidingTrace(caseId, input.outcome(), ConnectionKind.ORGANISATION, partner.id(), partner.name(),
                inVoorliggendVeld, used(input, inVoorliggendVeld), actor, clock.instant());
    }

    /** Connected in the voorliggend veld is using it; otherwise the worker says whether it was used. */
    private static boolean used(ToeleidingInput input, boolean connectedInVoorliggendVeld) {
        if (connectedInVoorliggendVeld) {
            if (Boolean.FALSE.equals(input.voorliggendVeldUsed())) {
                throw new InvalidInputException("voorliggendVeldUsed",
                        "Een verbinding met het voorliggend veld is gebruik van het voorliggend veld.");
            }
            return true;
        }
        if (input.voorliggendVeldUsed() == null) {
            throw new InvalidInputException("voorliggendVeldUsed",
                    "Leg vast of het voorliggend veld (vrij toegankelijke voorzieningen) al is benut.");
        }
        return input.voorliggendVeldUsed();
    }
}
