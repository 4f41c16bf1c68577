package nl.wijkroute.safety;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.route.CaseReads;
import nl.wijkroute.route.CaseStatus;
import nl.wijkroute.route.Stage;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meldcode record of a case: the five steps, each with date, who and a short account, and the
 * decision of step 5 checked against the afwegingskader of step 4. The route's veiligheid step cannot
 * complete without that decision ({@link #requireDecision}).
 */
@Service
public class MeldcodeService {

    private final MeldcodeEntryRepository entries;
    private final SupportCaseService cases;
    // Looked up when needed: the route's step handlers (which reach this service) are built before CaseReads.
    private final ObjectProvider<CaseReads> caseReads;
    private final CaseAccess access;
    private final Clock clock;
    private final SafetyConcerns concerns;

    MeldcodeService(MeldcodeEntryRepository entries, SupportCaseService cases, ObjectProvider<CaseReads> caseReads, CaseAccess access,
                    Clock clock, SafetyConcerns concerns) {
        this.concerns = concerns;
        this.entries = entries;
        this.cases = cases;
        this.caseReads = caseReads;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public MeldcodeViews.MeldcodeView record(UUID caseId, MeldcodeStep step, MeldcodeViews.StepRequest request, String by) {
        SafetyAccess.require(access, caseId, AccessAction.UPDATE);
        if (cases.statusOf(caseId) == CaseStatus.CLOSED) {
            throw new ConflictException("De casus is gesloten; de meldcode kan niet meer worden aangevuld.");
        }
        if (step != MeldcodeStep.AFWEGING && request.afweging() != null) {
            throw new InvalidInputException("afweging", "De antwoorden van het afwegingskader horen bij stap 4 (AFWEGING).");
        }
        if (step != MeldcodeStep.BESLISSEN && (request.decision() != null || request.decisionReason() != null)) {
            throw new InvalidInputException("decision", "Het besluit hoort bij stap 5 (BESLISSEN).");
        }
        if (step == MeldcodeStep.AFWEGING) {
            if (request.afweging() == null) {
                throw new InvalidInputException("afweging", "Stap 4 legt de antwoorden van het afwegingskader vast.");
            }
            request.afweging().requireComplete("afweging.");
        }
        if (step == MeldcodeStep.BESLISSEN) {
            checkDecision(caseId, request);
        }
        entries.save(new MeldcodeEntry(caseId, step, request.doneOn(), request.doneBy(), request.summary(),
                request.afweging(), request.decision(), blankToNull(request.decisionReason()), by, clock.instant()));
        concerns.record(caseId, clock.instant());
        return view(caseId);
    }

    @Transactional(readOnly = true)
    public MeldcodeViews.MeldcodeView current(UUID caseId) {
        SafetyAccess.require(access, caseId, AccessAction.READ);
        return view(caseId);
    }

    /**
     * The route's veiligheid step asks this before it completes: step 5 of the meldcode must be decided, and
     * decided again when the case comes back to veiligheid (a "no" at the plan or an evaluatie, a reopened case):
     * a decision counts for the stay in veiligheid it was made in, not for a later one, because the situation it
     * weighed has changed. Runs in the completing transaction; the answer names the missing field.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireDecision(UUID caseId) {
        Optional<Instant> lastLeftVeiligheid = caseReads.getObject().history(caseId).stream()
                .filter(step -> step.from() == Stage.VEILIGHEID)
                .map(CaseReads.Step::movedAt)
                .max(Comparator.naturalOrder());
        boolean decided = entries.findFirstByCaseIdAndStepOrderByIdDesc(caseId, MeldcodeStep.BESLISSEN)
                .filter(decision -> lastLeftVeiligheid.map(left -> decision.getRecordedAt().isAfter(left)).orElse(true))
                .isPresent();
        if (!decided) {
            throw new InvalidInputException("meldcode.decision", lastLeftVeiligheid.isPresent()
                    ? "De casus is terug in de veiligheidsstap: weeg opnieuw (stap 4) en leg een nieuw besluit vast (stap 5)."
                    : "Leg eerst stap 5 van de meldcode vast: melden bij Veilig Thuis en/of hulp organiseren.");
        }
    }

    private void checkDecision(UUID caseId, MeldcodeViews.StepRequest request) {
        if (request.decision() == null) {
            throw new InvalidInputException("decision", "Stap 5 is het besluit: MELDEN, HULP_ORGANISEREN, MELDEN_EN_HULP of GEEN.");
        }
        if (request.decision() == MeldcodeDecision.GEEN && blankToNull(request.decisionReason()) == null) {
            throw new InvalidInputException("decisionReason", "Waarom niet melden en geen hulp organiseren?");
        }
        Afweging afweging = entries.findFirstByCaseIdAndStepOrderByIdDesc(caseId, MeldcodeStep.AFWEGING)
                .map(MeldcodeEntry::afweging)
                .orElseThrow(() -> new InvalidInputException("decision",
                        "Beslis met het afwegingskader: leg eerst stap 4 (AFWEGING) vast."));
        Set<MeldcodeDecision> allowed = afweging.allowedDecisions();
        if (!allowed.contains(request.decision())) {
            throw new InvalidInputException("decision", "Dit besluit past niet bij het afwegingskader van stap 4; mogelijk: "
                    + allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")) + ".");
        }
    }

    private MeldcodeViews.MeldcodeView view(UUID caseId) {
        List<MeldcodeEntry> all = entries.findByCaseIdOrderByIdAsc(caseId);
        Map<MeldcodeStep, MeldcodeEntry> newest = new EnumMap<>(MeldcodeStep.class);
        all.forEach(entry -> newest.put(entry.getStep(), entry));
        List<MeldcodeViews.StepView> steps = newest.values().stream()
                .sorted(Comparator.comparing(MeldcodeEntry::getStep))
                .map(MeldcodeService::toView).toList();
        Optional<MeldcodeEntry> decision = Optional.ofNullable(newest.get(MeldcodeStep.BESLISSEN));
        return new MeldcodeViews.MeldcodeView(caseId, steps, decision.map(MeldcodeEntry::getDecision).orElse(null),
                decision.map(MeldcodeEntry::getDoneOn).orElse(null), all.size() - newest.size());
    }

    private static MeldcodeViews.StepView toView(MeldcodeEntry entry) {
        return new MeldcodeViews.StepView(entry.getStep(), entry.getStep().number(), entry.getDoneOn(), entry.getDoneBy(),
                entry.getSummary(), entry.afweging(), entry.getDecision(), entry.getDecisionReason(), entry.getRecordedBy(),
                entry.getRecordedAt());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
