package nl.wijkroute.safety;

import java.util.UUID;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.route.EngineActor;
import nl.wijkroute.route.RouteVariables;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.system.problem.ConflictException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Veilig Thuis hands a case back (routekaart seed 003: the veiligheidsplan also holds the voorwaarden
 * Veilig Thuis sets): its voorwaarden join the veiligheidsplan and the route continues at the plan
 * step, in one transaction. While Veilig Thuis has the case, the route waits in
 * {@code veiligThuisAanZet}; which way it goes from there is the BPMN's.
 */
@Service
public class VeiligThuisService {

    private final VeiligheidsplanService veiligheidsplan;
    private final CaseAccess access;
    private final RuntimeService runtime;
    private final EngineActor engineActor;

    VeiligThuisService(VeiligheidsplanService veiligheidsplan, CaseAccess access, RuntimeService runtime,
                       EngineActor engineActor) {
        this.veiligheidsplan = veiligheidsplan;
        this.access = access;
        this.runtime = runtime;
        this.engineActor = engineActor;
    }

    @Transactional
    public VeiligheidsplanViews.PlanView handBack(UUID caseId, VeiligheidsplanViews.HandBackRequest request, String by) {
        SafetyAccess.require(access, caseId, AccessAction.UPDATE);
        // Asked before anything is written: a correlation that finds nothing would mark the transaction rollback-only.
        long waiting = runtime.createExecutionQuery().processInstanceBusinessKey(caseId.toString())
                .activityId(RoutekaartIds.VEILIG_THUIS_AAN_ZET).count();
        if (waiting == 0) {
            throw new ConflictException("Veilig Thuis is in deze casus niet aan zet; er is niets terug te dragen.");
        }
        VeiligheidsplanViews.PlanView plan = veiligheidsplan.addVeiligThuisVoorwaarden(caseId, request.voorwaarden(),
                request.note(), by);
        engineActor.as(by, () -> runtime.createMessageCorrelation(RoutekaartIds.VT_RETURNS_MESSAGE)
                .processInstanceBusinessKey(caseId.toString())
                .setVariable(RouteVariables.MOVE_REASON, Variables.stringValue("Veilig Thuis draagt terug", true))
                .correlate());
        return plan;
    }
}
