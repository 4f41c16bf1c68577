package nl.wijkroute.safety;

import java.util.UUID;
import nl.wijkroute.route.CaseReads;
import nl.wijkroute.route.Stage;
import nl.wijkroute.signal.SignalService;
import nl.wijkroute.signal.SignalView;
import nl.wijkroute.triage.TriageService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * THE one place for "has this case ever had a safety concern" (routekaart step 0, veilige leefomgeving):
 * the rule that decides where the safety question is re-asked (plan, every evaluatie) and that other
 * modules ask instead of repeating it. Read through the owning modules' APIs, never their tables.
 */
@Service
public class SafetyConcerns {

    private final SignalService signals;
    private final TriageService triage;
    private final CaseReads cases;
    private final SafetyCheckRepository checks;
    private final MeldcodeEntryRepository meldcode;
    private final VeiligheidsplanRepository veiligheidsplannen;

    SafetyConcerns(SignalService signals, TriageService triage, CaseReads cases, SafetyCheckRepository checks,
                   MeldcodeEntryRepository meldcode, VeiligheidsplanRepository veiligheidsplannen) {
        this.signals = signals;
        this.triage = triage;
        this.cases = cases;
        this.checks = checks;
        this.meldcode = meldcode;
        this.veiligheidsplannen = veiligheidsplannen;
    }

    /**
     * Yes when any of these ever happened on the case: a signal flagged a safety concern, or came in with
     * urgency CRISIS; a triage recorded a safety concern; the case entered the {@code veiligheid} step; a
     * meldcode step or a veiligheidsplan was recorded; or a safety check found someone not safe. Once yes, always yes for this case: the seed asks to keep
     * re-asking (and cheap checks go first).
     */
    @Transactional(readOnly = true)
    public boolean everHadSafetyConcern(UUID caseId) {
        return triage.everFlaggedSafety(caseId)
                || signals.viewsOf(caseId).stream().anyMatch(SignalView::raisesSafety)
                || checks.existsByCaseIdAndEveryoneSafeFalse(caseId)
                || meldcode.existsByCaseId(caseId)
                || veiligheidsplannen.existsByCaseId(caseId)
                || cases.history(caseId).stream().anyMatch(step -> step.to() == Stage.VEILIGHEID);
    }

    /** Whether the team judged the risk lasting at the case's latest safety check (long nazorg, decision 0048). */
    @Transactional(readOnly = true)
    public boolean hasLastingRisk(UUID caseId) {
        return checks.findFirstByCaseIdOrderByCheckedAtDescIdDesc(caseId).map(SafetyCheck::isLastingRisk).orElse(false);
    }
}
