package nl.wijkroute.casefile;

import nl.wijkroute.route.CaseStatus;
import nl.wijkroute.route.Stage;
import nl.wijkroute.route.TaskView;
import nl.wijkroute.toegang.ToegangDtos;
import nl.wijkroute.toeleiding.ToeleidingTraceView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.assessment.VraagverhelderingView;

/** What the case endpoints return. Members never carry their BSN, only whether one is known. */
public final class CaseViews {

    private CaseViews() {
    }

    public record CaseSummary(UUID id, UUID householdId, String household, String team, String wijk,
                              CaseStatus status, String currentStage, Instant stageEnteredAt, Instant openedAt,
                              Instant closedAt) {
    }

    /**
     * {@code currentStage} (and a task's {@code caseStage}, a step's {@code from}/{@code to}) is a {@link Stage}
     * name, or {@code ONDERSTEUNING} for VEILIGHEID to a role that may not read safety (decision 0048).
     */
    public record CaseDetail(UUID id, CaseStatus status, String currentStage, Instant stageEnteredAt, Instant openedAt,
                             Instant closedAt, String closureReason, String team, HouseholdView household,
                             TriageView latestTriage, List<SignalView> signals, List<OpenTask> openTasks,
                             List<ToegangDtos.ToegangView> toegangStillToDecide,
                             List<VraagverhelderingView.ScoreChange> selfSufficiencyChanges, long version,
                             List<ToeleidingTraceView> toeleiding) {
    }

    public record HouseholdView(UUID id, String displayName, String wijk, String postcode, List<MemberView> members) {
    }

    public record MemberView(UUID id, String givenName, String familyName, LocalDate birthDate, boolean bsnKnown) {
    }

    public record TriageView(String urgency, boolean safetyConcern, String problemScope, String route, String summary,
                             String assessedBy, Instant assessedAt) {
    }

    public record SignalView(UUID id, String sourceType, String sourceOrganisation, String description,
                             Set<String> leefgebieden, String urgency, boolean safetyConcern, Instant receivedAt,
                             String registeredBy) {
    }

    public record StepView(String from, String to, String actor, Instant movedAt, String reason) {
    }

    /** An open task of the case: the werkbak's {@link TaskView}, its case stage as shown to the reader. */
    public record OpenTask(String id, String taskKey, String name, UUID caseId, String household, String caseStage,
                           String assignee, String assigneeName, Instant created, Instant due) {
    }
}
