package nl.wijkroute.safety;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.route.step.OutcomeStep;
import nl.wijkroute.route.step.StepHandler;
import org.springframework.stereotype.Component;

/** Closing the wait while Veilig Thuis has the case: it keeps it, with the reason recorded. */
@Component
class VeiligThuisStep implements StepHandler<VeiligThuisInput> {

    private final OutcomeStep<VeiligThuisInput, VeiligThuisInput.Outcome> outcome = new OutcomeStep<>(
            RoutekaartIds.VEILIG_THUIS_AAN_ZET, VeiligThuisInput.class, "veiligThuisOutcome",
            EnumSet.of(VeiligThuisInput.Outcome.VT_KEEPS_CASE));

    @Override
    public String taskKey() {
        return RoutekaartIds.VEILIG_THUIS_AAN_ZET;
    }

    @Override
    public Class<VeiligThuisInput> inputType() {
        return VeiligThuisInput.class;
    }

    @Override
    public Map<String, Object> apply(UUID caseId, String actor, VeiligThuisInput input) {
        return outcome.apply(caseId, actor, input);
    }
}
