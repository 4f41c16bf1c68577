package nl.wijkroute.route.step;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.system.MunicipalTime;
import nl.wijkroute.system.problem.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The route's outcome steps and their inputs. Each outcome value is a gateway condition in
 * {@code bpmn/routekaart.bpmn}; a reason is required where the step goes back or ends support.
 * Vraagverheldering, evaluatie, plan and toeleiding have their own handlers in the {@code assessment}, {@code plan}
 * and {@code toeleiding} packages; regie moves to its capability package as it grows.
 */
@Configuration(proxyBeanMethods = false)
public class RouteSteps {

    public enum VeiligheidOutcome { CONTINUE_FULL_ROUTE, SPECIALIST_TOOK_OVER }

    public enum RegieOutcome { TO_EVALUATIE, BACK_TO_PLAN }

    public enum EvaluatieOutcome { ADJUST_PLAN, CONTINUE, CLOSE }

    public enum NazorgOutcome { ALL_WELL, REOPEN }

    /**
     * Veilig Thuis / crisis: safety first, then either the full route or the specialist takes over. Its
     * handler is the safety module's ({@code safety.VeiligheidStep}): it needs the meldcode's decision first.
     */
    public record VeiligheidInput(@NotNull VeiligheidOutcome outcome, @Size(max = 2000) String reason)
            implements OutcomeInput<VeiligheidOutcome> {
    }

    public record RegieInput(@NotNull RegieOutcome outcome, @Size(max = 2000) String reason)
            implements OutcomeInput<RegieOutcome> {
    }

    // The evaluatie step's input and handler live in assessment (assessment.EvaluatieStep): it records the scores again.

    public record NazorgControleInput(@NotNull NazorgOutcome outcome, @Size(max = 2000) String reason)
            implements OutcomeInput<NazorgOutcome> {
    }

    /** An evaluation date as the engine's timer reads it (start of the municipal day). */
    public static Date evaluationDate(String field, LocalDate date) {
        if (date == null) {
            throw new InvalidInputException(field, "Een evaluatiedatum is verplicht.");
        }
        return Date.from(date.atStartOfDay(MunicipalTime.ZONE).toInstant());
    }

    @Bean
    StepHandler<RegieInput> regieStep() {
        return new OutcomeStep<>(RoutekaartIds.REGIE, RegieInput.class, "regieOutcome", EnumSet.of(RegieOutcome.BACK_TO_PLAN));
    }

    @Bean
    StepHandler<NazorgControleInput> nazorgControleStep() {
        return new OutcomeStep<>(RoutekaartIds.NAZORG_CONTROLE, NazorgControleInput.class, "nazorgOutcome",
                EnumSet.of(NazorgOutcome.REOPEN));
    }
}
