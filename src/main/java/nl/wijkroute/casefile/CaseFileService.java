package nl.wijkroute.casefile;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.assessment.AssessmentService;
import nl.wijkroute.assessment.VraagverhelderingView;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.route.CaseReads;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.Stage;
import nl.wijkroute.signal.SignalService;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.toegang.ToegangDtos;
import nl.wijkroute.toegang.ToegangService;
import nl.wijkroute.toeleiding.ToeleidingService;
import nl.wijkroute.toeleiding.ToeleidingTraceView;
import nl.wijkroute.triage.TriageService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of a case: what a worker sees when they open it, assembled from each capability. */
@Service
class CaseFileService {

    /**
     * What VEILIGHEID reads as to a role that may not read safety (partner, toegang, procesregisseur,
     * frontoffice): the word the resident's view uses for a safety case (decision 0049), decision 0048.
     */
    static final String MASKED_STAGE = Stage.NEUTRAL_SUPPORT_NAME;
    /** The route's safety tasks; their names say safety, so they are left out for those roles. */
    private static final Set<String> SAFETY_TASKS = Set.of(RoutekaartIds.VEILIGHEID, RoutekaartIds.VEILIG_THUIS_AAN_ZET,
            RoutekaartIds.VEILIGHEID_NIEUW_SIGNAAL);

    private final CaseReads cases;
    private final SignalService signals;
    private final TriageService triage;
    private final ToegangService toegang;
    private final CaseFileMapper mapper;
    private final CaseAccess access;
    private final ToeleidingService toeleiding;
    private final AssessmentService assessments;

    CaseFileService(CaseReads cases, SignalService signals, TriageService triage, CaseFileMapper mapper,
                    CaseAccess access, ToegangService toegang, ToeleidingService toeleiding, AssessmentService assessments) {
        this.toeleiding = toeleiding;
        this.assessments = assessments;
        this.toegang = toegang;
        this.access = access;
        this.cases = cases;
        this.signals = signals;
        this.triage = triage;
        this.mapper = mapper;
    }

    @Transactional(readOnly = true)
    public Page<CaseViews.CaseSummary> search(SupportCaseService.CaseFilter filter, Pageable pageable) {
        boolean seesSafety = seesSafety();
        if (!seesSafety && filter.stage() == Stage.VEILIGHEID) {
            // Refused for the role, whatever the cases: the list would tell which are in veiligheid.
            throw new InvalidInputException("stage", "Op deze stap kan je rol niet zoeken.");
        }
        Page<CaseReads.Summary> page = cases.search(filter, access.scope(), pageable);
        access.logListed(page.map(CaseReads.Summary::id).getContent(), DataCategory.CASE_FILE);
        return page.map(mapper::toSummary).map(summary -> seesSafety || !isVeiligheid(summary.currentStage()) ? summary
                : new CaseViews.CaseSummary(summary.id(), summary.householdId(), summary.household(), summary.team(),
                        summary.wijk(), summary.status(), MASKED_STAGE, summary.stageEnteredAt(), summary.openedAt(),
                        summary.closedAt()));
    }

    @Transactional(readOnly = true)
    public CaseViews.CaseDetail get(UUID caseId) {
        access.require(caseId, DataCategory.CASE_FILE, AccessAction.READ);
        CaseReads.CaseFile file = cases.file(caseId);
        // What the toeleiding connected the household to, and whether the voorliggend veld was used (issue 16.4);
        // read once, for the case file and for the toegang requests that show it.
        List<ToeleidingTraceView> traces = toeleiding.tracesOf(caseId);
        // Toegang requests run on to their legal decision after the case closed; shown to roles that read toegang.
        List<ToegangDtos.ToegangView> toegangStillToDecide = access.allows(DataCategory.TOEGANG, AccessAction.READ)
                ? toegang.stillToDecide(caseId, traces) : List.of();
        if (!toegangStillToDecide.isEmpty()) {
            // They name the law and the provision, which hint at health or debts: a read of toegang data, logged as one.
            access.require(caseId, DataCategory.TOEGANG, AccessAction.READ);
        }
        // The zelfredzaamheid per member and leefgebied, first score against the latest: for roles that read assessments.
        List<VraagverhelderingView.ScoreChange> changes = access.allows(DataCategory.ASSESSMENT, AccessAction.READ)
                ? assessments.changesOf(caseId, file.household().members()) : List.of();
        if (!changes.isEmpty()) {
            access.require(caseId, DataCategory.ASSESSMENT, AccessAction.READ);
        }
        CaseViews.CaseDetail detail = mapper.toDetail(file, triage.latestOf(caseId).orElse(null), signals.viewsOf(caseId),
                toegangStillToDecide, traces, changes);
        return seesSafety() ? detail : withoutSafety(detail);
    }

    @Transactional(readOnly = true)
    public List<CaseViews.StepView> history(UUID caseId) {
        access.require(caseId, DataCategory.ROUTE, AccessAction.READ);
        boolean seesSafety = seesSafety();
        return cases.history(caseId).stream().map(mapper::toView)
                .map(step -> seesSafety ? step : withoutSafety(step)).toList();
    }

    private boolean seesSafety() {
        return access.allows(DataCategory.SAFETY, AccessAction.READ);
    }

    /** A move into or out of veiligheid keeps its place and time, not the stage's name nor its reason ("Iemand onveilig", Veilig Thuis). */
    private static CaseViews.StepView withoutSafety(CaseViews.StepView step) {
        if (!isVeiligheid(step.from()) && !isVeiligheid(step.to())) {
            return step;
        }
        return new CaseViews.StepView(masked(step.from()), masked(step.to()), step.actor(), step.movedAt(), null);
    }

    private static CaseViews.CaseDetail withoutSafety(CaseViews.CaseDetail detail) {
        List<CaseViews.OpenTask> tasks = detail.openTasks().stream()
                .filter(task -> !SAFETY_TASKS.contains(task.taskKey()))
                .map(task -> isVeiligheid(task.caseStage()) ? new CaseViews.OpenTask(task.id(), task.taskKey(), task.name(),
                        task.caseId(), task.household(), MASKED_STAGE, task.assignee(), task.assigneeName(), task.created(),
                        task.due()) : task)
                .toList();
        return new CaseViews.CaseDetail(detail.id(), detail.status(), masked(detail.currentStage()), detail.stageEnteredAt(),
                detail.openedAt(), detail.closedAt(), detail.closureReason(), detail.team(), detail.household(),
                detail.latestTriage(), detail.signals(), tasks, detail.toegangStillToDecide(), detail.selfSufficiencyChanges(),
                detail.version(), detail.toeleiding());
    }

    private static boolean isVeiligheid(String stage) {
        return Stage.VEILIGHEID.name().equals(stage);
    }

    private static String masked(String stage) {
        return isVeiligheid(stage) ? MASKED_STAGE : stage;
    }
}
