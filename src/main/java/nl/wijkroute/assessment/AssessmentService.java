package nl.wijkroute.assessment;

import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.wijkroute.household.HouseholdView;
import nl.wijkroute.household.Leefgebied;
import nl.wijkroute.route.CaseStatus;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.route.step.StepHandler;
import nl.wijkroute.signal.SignalService;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import nl.wijkroute.triage.TriageService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vraagverheldering: the household's situation per member and leefgebied. The step cannot move on
 * to the plan until every leefgebied that a signal or triage flagged has been assessed for someone
 * in the household, and the real question is summarised.
 */
@Service
public class AssessmentService implements StepHandler<VraagverhelderingInput> {

    static final String OUTCOME_VARIABLE = "vraagverhelderingOutcome";

    private final LeefgebiedAssessmentRepository assessments;
    private final RealQuestionRepository realQuestions;
    private final SupportCaseService cases;
    private final SignalService signals;
    private final TriageService triage;
    private final AssessmentMapper mapper;
    private final Clock clock;
    private final CaseAccess access;

    AssessmentService(LeefgebiedAssessmentRepository assessments, RealQuestionRepository realQuestions,
                      SupportCaseService cases, SignalService signals, TriageService triage, AssessmentMapper mapper,
                      Clock clock, CaseAccess access) {
        this.access = access;
        this.assessments = assessments;
        this.realQuestions = realQuestions;
        this.cases = cases;
        this.signals = signals;
        this.triage = triage;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public VraagverhelderingView assess(UUID caseId, UUID memberId, Leefgebied leefgebied, AssessmentRequest request,
                                        String by) {
        access.require(caseId, DataCategory.ASSESSMENT, AccessAction.UPDATE);
        if (cases.statusOf(caseId) != CaseStatus.OPEN) {
            throw new ConflictException("De casus is niet open; vraagverheldering kan niet meer worden aangepast.");
        }
        boolean isMember = cases.membersOf(caseId).stream().anyMatch(m -> m.id().equals(memberId));
        if (!isMember) {
            throw new NotFoundException("Lid " + memberId + " hoort niet bij dit huishouden.", "memberId");
        }
        LeefgebiedAssessment assessment = assessments.findByCaseIdAndMemberIdAndLeefgebied(caseId, memberId, leefgebied)
                .orElseGet(() -> new LeefgebiedAssessment(caseId, memberId, leefgebied));
        assessment.record(request, by, clock.instant());
        assessments.save(assessment);
        return viewOf(caseId);
    }

    @Transactional(readOnly = true)
    public VraagverhelderingView view(UUID caseId) {
        access.require(caseId, DataCategory.ASSESSMENT, AccessAction.READ);
        return viewOf(caseId);
    }

    /** The clarification as it stands, for a capability that already decided access (a handover's summary). */
    @Transactional(propagation = Propagation.MANDATORY)
    public VraagverhelderingView clarified(UUID caseId) {
        return viewOf(caseId);
    }

    private VraagverhelderingView viewOf(UUID caseId) {
        Map<UUID, String> names = cases.membersOf(caseId).stream()
                .collect(Collectors.toMap(HouseholdView.Member::id, m -> m.givenName() + " " + m.familyName()));
        List<LeefgebiedAssessment> all = assessments.findByCaseIdOrderByLeefgebiedAscAssessedAtAsc(caseId);
        Set<Leefgebied> flagged = flagged(caseId);
        return new VraagverhelderingView(caseId, flagged, missing(flagged, all),
                all.stream().map(a -> mapper.toView(a, names.get(a.getMemberId()))).toList(),
                realQuestions.findFirstByCaseIdOrderByRecordedAtDesc(caseId).map(RealQuestion::getQuestion).orElse(null));
    }

    @Override
    public String taskKey() {
        return RoutekaartIds.VRAAGVERHELDERING;
    }

    @Override
    public Class<VraagverhelderingInput> inputType() {
        return VraagverhelderingInput.class;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Object> apply(UUID caseId, String actor, VraagverhelderingInput input) {
        if (input.outcome() == VraagverhelderingOutcome.BACK_TO_TRIAGE) {
            if (input.reason() == null || input.reason().isBlank()) {
                throw new InvalidInputException("reason", "Een reden is verplicht om terug te gaan naar triage.");
            }
            return Map.of(OUTCOME_VARIABLE, input.outcome().name());
        }
        if (input.realQuestion() == null || input.realQuestion().isBlank()) {
            throw new InvalidInputException("realQuestion", "Vat de eigenlijke vraag samen voordat het plan begint.");
        }
        Set<Leefgebied> missing = missing(flagged(caseId), assessments.findByCaseIdOrderByLeefgebiedAscAssessedAtAsc(caseId));
        if (!missing.isEmpty()) {
            throw new InvalidInputException("assessments", "Nog niet verhelderd: " + missing.stream().map(Enum::name)
                    .collect(Collectors.joining(", ")) + ". Beoordeel elk gesignaleerd leefgebied voor het plan begint.");
        }
        realQuestions.save(new RealQuestion(caseId, input.realQuestion(), actor, clock.instant()));
        return Map.of(OUTCOME_VARIABLE, input.outcome().name());
    }

    /** The leefgebieden named in the case's signals plus those triage added. */
    private Set<Leefgebied> flagged(UUID caseId) {
        Set<Leefgebied> flagged = EnumSet.noneOf(Leefgebied.class);
        signals.viewsOf(caseId).forEach(signal -> flagged.addAll(signal.leefgebieden()));
        triage.latestOf(caseId).ifPresent(assessment -> flagged.addAll(assessment.leefgebieden()));
        return flagged;
    }

    private static Set<Leefgebied> missing(Set<Leefgebied> flagged, List<LeefgebiedAssessment> done) {
        Set<Leefgebied> assessed = done.stream().map(LeefgebiedAssessment::getLeefgebied)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Leefgebied.class)));
        Set<Leefgebied> missing = EnumSet.noneOf(Leefgebied.class);
        missing.addAll(flagged);
        missing.removeAll(assessed);
        return missing;
    }
}
