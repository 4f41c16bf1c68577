package nl.wijkroute.triage;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.step.StepHandler;
import nl.wijkroute.system.problem.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triage: records the assessment and hands the route choice to the BPMN's triage gateway.
 * The consistency rules keep an assessment from contradicting its own route choice.
 */
@Service
public class TriageService implements StepHandler<TriageInput> {

    public static final String ROUTE_VARIABLE = "triageRoute";

    private final TriageAssessmentRepository assessments;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TriageService(TriageAssessmentRepository assessments, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.assessments = assessments;
        this.clock = clock;
    }

    @Override
    public String taskKey() {
        return RoutekaartIds.TRIAGE;
    }

    @Override
    public Class<TriageInput> inputType() {
        return TriageInput.class;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Object> apply(UUID caseId, String actor, TriageInput input) {
        checkConsistent(input);
        TriageAssessment assessment = assessments.save(new TriageAssessment(caseId, input, actor, clock.instant()));
        // Safety keeps its "ever had a concern" flag from this (decision 0048), in this transaction.
        events.publishEvent(new TriageRecorded(caseId, assessment.isSafetyConcern(), assessment.getAssessedAt()));
        return Map.of(ROUTE_VARIABLE, input.route().name());
    }

    /** The case's most recent assessment, as triage's read model: one statement, no entity (decision 0061). */
    @Transactional(readOnly = true)
    public Optional<TriageView> latestOf(UUID caseId) {
        return TriageRow.toView(assessments.findLatestRowsByCaseId(caseId));
    }

    private static void checkConsistent(TriageInput input) {
        switch (input.route()) {
            case CLOSE_NO_HELP -> {
                if (input.safetyConcern()) {
                    throw new InvalidInputException("route", "Bij een zorg over veiligheid sluit je niet af na triage.");
                }
                if (input.reason() == null || input.reason().isBlank()) {
                    throw new InvalidInputException("reason", "Leg vast waarom er geen hulp nodig is of welk advies is gegeven.");
                }
            }
            case SAFETY_FIRST -> {
                if (!input.safetyConcern()) {
                    throw new InvalidInputException("safetyConcern", "Route SAFETY_FIRST vraagt een vastgelegde veiligheidszorg.");
                }
            }
            case SHORT_ROUTE -> {
                if (input.problemScope() != ProblemScope.SINGLE) {
                    throw new InvalidInputException("problemScope", "De korte route is voor één duidelijke vraag (SINGLE).");
                }
            }
            case FULL_ROUTE -> {
                if (input.problemScope() == ProblemScope.NONE) {
                    throw new InvalidInputException("problemScope", "De volledige route vraagt minstens één hulpvraag.");
                }
            }
        }
    }
}
