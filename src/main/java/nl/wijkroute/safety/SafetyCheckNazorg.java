package nl.wijkroute.safety;

import java.time.Clock;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;
import nl.wijkroute.route.RouteVariables;
import nl.wijkroute.system.MunicipalTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Start of nazorg ({@code bpmn/routekaart.bpmn}, listener {@code ${safetyCheckNazorg}}): a case whose latest
 * safety check judged the risk lasting is not let go after one check (seed 003: "gezinnen met blijvende
 * veiligheidsrisico's worden niet losgelaten", "langer dan een jaar betrokken"). Its nazorg lasts
 * {@code wijkroute.safety.lasting-risk-nazorg} (at least one year) with a check every
 * {@code wijkroute.safety.lasting-risk-check-interval}; the BPMN loops the check until that date. Other
 * cases keep the one check after {@code nazorgPeriod}. The variables are local to this nazorg, so a later
 * nazorg decides afresh.
 */
@Component("safetyCheckNazorg")
class SafetyCheckNazorg implements ExecutionListener {

    static final Period MINIMUM = Period.ofYears(1);

    private final SafetyConcerns concerns;
    private final Clock clock;
    private final Period lastingRiskNazorg;
    private final Period checkInterval;

    SafetyCheckNazorg(SafetyConcerns concerns, Clock clock,
                      @Value("${wijkroute.safety.lasting-risk-nazorg:P1Y}") Period lastingRiskNazorg,
                      @Value("${wijkroute.safety.lasting-risk-check-interval:P6W}") Period checkInterval) {
        if (lastingRiskNazorg.toTotalMonths() < MINIMUM.toTotalMonths()) {
            throw new IllegalArgumentException("wijkroute.safety.lasting-risk-nazorg must be at least P1Y (issue 17), was "
                    + lastingRiskNazorg);
        }
        if (checkInterval.isNegative() || checkInterval.isZero() || checkInterval.toTotalMonths() > 0) {
            throw new IllegalArgumentException("wijkroute.safety.lasting-risk-check-interval must be days or weeks (e.g. P6W), was " + checkInterval);
        }
        this.concerns = concerns;
        this.clock = clock;
        this.lastingRiskNazorg = lastingRiskNazorg;
        this.checkInterval = checkInterval;
    }

    @Override
    public void notify(DelegateExecution execution) {
        UUID caseId = UUID.fromString(execution.getProcessBusinessKey());
        if (!concerns.hasLastingRisk(caseId)) {
            return;
        }
        ZonedDateTime now = clock.instant().atZone(MunicipalTime.ZONE);
        execution.setVariableLocal(RouteVariables.NAZORG_UNTIL, Date.from(now.plus(lastingRiskNazorg).toInstant()));
        // Handed over as days (Period prints P6W as P42D): the engine reads "P6W" as 42 days after 1970, i.e. P1M11D.
        execution.setVariableLocal(RouteVariables.NAZORG_CHECK_INTERVAL, checkInterval.toString());
        // The first check comes after one interval too, not after the ordinary nazorg period.
        execution.setVariableLocal(RouteVariables.NAZORG_PERIOD, checkInterval.toString());
    }
}
