package nl.wijkroute.casefile;

import java.util.List;
import java.util.UUID;
import nl.wijkroute.assessment.AssessmentService;
import nl.wijkroute.assessment.VraagverhelderingView;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.route.SupportCaseService;
import nl.wijkroute.route.CaseReads;
import nl.wijkroute.signal.SignalService;
import nl.wijkroute.toegang.ToegangDtos;
import nl.wijkroute.toegang.ToegangService;
import nl.wijkroute.toeleiding.ToeleidingService;
import nl.wijkroute.triage.TriageService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of a case: what a worker sees when they open it, assembled from each capability. */
@Service
class CaseFileService {

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
        Page<CaseReads.Summary> page = cases.search(filter, access.scope(), pageable);
        access.logListed(page.map(CaseReads.Summary::id).getContent(), DataCategory.CASE_FILE);
        return page.map(mapper::toSummary);
    }

    @Transactional(readOnly = true)
    public CaseViews.CaseDetail get(UUID caseId) {
        access.require(caseId, DataCategory.CASE_FILE, AccessAction.READ);
        CaseReads.CaseFile file = cases.file(caseId);
        // Toegang requests run on to their legal decision after the case closed; shown to roles that read toegang.
        List<ToegangDtos.ToegangView> toegangStillToDecide = access.allows(DataCategory.TOEGANG, AccessAction.READ)
                ? toegang.stillToDecide(caseId) : List.of();
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
        // What the toeleiding connected the household to, and whether the voorliggend veld was used (issue 16.4).
        return mapper.toDetail(file, triage.latestOf(caseId).orElse(null), signals.viewsOf(caseId),
                toegangStillToDecide, toeleiding.tracesOf(caseId), changes);
    }

    @Transactional(readOnly = true)
    public List<CaseViews.StepView> history(UUID caseId) {
        access.require(caseId, DataCategory.ROUTE, AccessAction.READ);
        return cases.history(caseId).stream().map(mapper::toView).toList();
    }
}
