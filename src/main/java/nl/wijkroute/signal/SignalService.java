package nl.wijkroute.signal;

import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.household.HouseholdSummary;
import nl.wijkroute.household.HouseholdService;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signaleren: a signal from any door lands at the household's one case. A new household is
 * registered, a known one found again (by id or a member's BSN), and the case opened or joined.
 */
@Service
public class SignalService {

    private final HouseholdService households;
    private final SupportCaseService cases;
    private final SignalRepository signals;
    private final SignalMapper mapper;
    private final Clock clock;
    private final CaseAccess access;
    private final ApplicationEventPublisher events;

    SignalService(HouseholdService households, SupportCaseService cases, SignalRepository signals, SignalMapper mapper,
                  Clock clock, CaseAccess access, ApplicationEventPublisher events) {
        this.access = access;
        this.events = events;
        this.households = households;
        this.cases = cases;
        this.signals = signals;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Runs inside the idempotency transaction, so a retried request never registers twice. The
     * household comes back locked until commit: simultaneous signals for one household are stored
     * one after the other and all join the same case, none is refused for arriving at the same time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SignalResponse register(SignalRequest request, CurrentUser user) {
        checkCrossFieldRules(request);
        HouseholdSummary household = request.householdId() != null
                ? households.existingForSignal(request.householdId(), "householdId")
                : households.findOrRegister(mapper.toNewHousehold(request.household()), "household");
        SupportCaseService.Attachment attachment = cases.openOrAttach(household, user.username());
        Signal signal = signals.save(new Signal(attachment.caseId(), household.id(), request.sourceType(),
                request.sourceOrganisation(), request.description(), request.urgency(), request.safetyConcern(),
                request.leefgebieden() == null ? Set.of() : request.leefgebieden(), clock.instant(), user.username()));
        access.logCreated(attachment.caseId(), household.id(), DataCategory.CASE_FILE);
        boolean raisesSafety = mapper.toView(signal).raisesSafety();
        // Safety keeps its "ever had a concern" flag from this (decision 0048), in this transaction.
        events.publishEvent(new SignalRecorded(attachment.caseId(), raisesSafety, signal.getReceivedAt()));
        if (!attachment.newCase() && raisesSafety) {
            // Not attached silently: the team's safety task starts beside the route (decision 0048). A new case
            // needs none: its triage asks about safety first.
            cases.raiseSafetySignal(attachment.caseId(), user.username());
        }
        SignalResponse response = mapper.toResponse(signal, attachment);
        return access.mayRead(attachment.caseId(), DataCategory.CASE_FILE) ? response : response.receiptOnly();
    }

    /** The case's signals, oldest first, as signal's read model: one statement, no entities (decision 0061). */
    @Transactional(readOnly = true)
    public List<SignalView> viewsOf(UUID caseId) {
        return SignalRow.toViews(signals.findRowsByCaseId(caseId));
    }

    private static void checkCrossFieldRules(SignalRequest request) {
        if ((request.householdId() == null) == (request.household() == null)) {
            throw new InvalidInputException("household", "Geef householdId of household: precies één van beide.");
        }
        if (request.sourceType() == SourceType.PARTNER
                && (request.sourceOrganisation() == null || request.sourceOrganisation().isBlank())) {
            throw new InvalidInputException("sourceOrganisation", "Verplicht bij een signaal van een partner.");
        }
        if (request.household() != null) {
            List<String> bsns = request.household().members().stream()
                    .map(SignalRequest.Member::bsn).filter(Objects::nonNull).toList();
            if (bsns.size() != Set.copyOf(bsns).size()) {
                throw new InvalidInputException("household.members", "Hetzelfde BSN komt twee keer voor.");
            }
        }
    }
}
