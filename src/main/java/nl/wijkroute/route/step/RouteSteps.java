package nl.wijkroute.route.step;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import nl.wijkroute.route.RouteVariables;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.system.MunicipalTime;
import nl.wijkroute.system.problem.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The route's outcome steps and their inputs. Each outcome value is a gateway condition in
 * {@code bpmn/routekaart.bpmn}; a reason is required where the step goes back or ends support.
 * Vraagverheldering and plan have their own handlers in the {@code assessment} and {@code plan}
 * packages; regie moves to its capability package as it grows.
 */
@Configuration(proxyBeanMethods = false)
public class RouteSteps {


    public enum VeiligheidOutcome { CONTINUE_FULL_ROUTE, SPECIALIST_TOOK_OVER }

    public enum ToeleidingOutcome { CONNECTED, NEEDS_FULL_ROUTE }

    public enum RegieOutcome { TO_EVALUATIE, BACK_TO_PLAN }

    public enum EvaluatieOutcome { ADJUST_PLAN, CONTINUE, CLOSE }

    public enum NazorgOutcome { ALL_WELL, REOPEN }

    /** Veilig Thuis / crisis: safety first, then either the full route or the specialist keeps it. */
    public record VeiligheidInput(@NotNull VeiligheidOutcome outcome, @Size(max = 2000) String reason)
            implements OutcomeInput<VeiligheidOutcome> {
    }

    /** Short route: connected to a voorziening or partner, or it turned out to need the full route. */
    public record ToeleidingInput(@NotNull ToeleidingOutcome outcome,
                                  @Size(max = 200) String connectedTo,
                                  @Size(max = 2000) String reason) implements OutcomeInput<ToeleidingOutcome> {
        @Override
        public Map<String, Object> extraVariables() {
            if (outcome == ToeleidingOutcome.CONNECTED && (connectedTo == null || connectedTo.isBlank())) {
                throw new InvalidInputException("connectedTo", "Bij CONNECTED: met welke voorziening of partner?");
            }
            return Map.of();
        }
    }

    public record RegieInput(@NotNull RegieOutcome outcome, @Size(max = 2000) String reason)
            implements OutcomeInput<RegieOutcome> {
    }

    /** On a case that ever had a safety concern the safety question is answered per member (safety.SafetyCheckGate). */
    public record EvaluatieInput(@NotNull EvaluatieOutcome outcome,
                                 @Future LocalDate nextEvaluationDate,
                                 @Size(max = 2000) String reason,
                                 @Valid @Size(max = 20) List<@NotNull @Valid SafetyAnswer> safetyCheck,
                                 Boolean lastingRisk) implements OutcomeInput<EvaluatieOutcome>, AsksSafety {
        @Override
        public Map<String, Object> extraVariables() {
            if (outcome == EvaluatieOutcome.CONTINUE) {
                return Map.of(RouteVariables.NEXT_EVALUATION_DATE, evaluationDate("nextEvaluationDate", nextEvaluationDate));
            }
            return Map.of();
        }
    }

    public record NazorgControleInput(@NotNull NazorgOutcome outcome, @Size(max = 2000) String reason)
            implements OutcomeInput<NazorgOutcome> {
    }

    static Date evaluationDate(String field, LocalDate date) {
        if (date == null) {
            throw new InvalidInputException(field, "Een evaluatiedatum is verplicht.");
        }
        return Date.from(date.atStartOfDay(MunicipalTime.ZONE).toInstant());
    }

    @Bean
    StepHandler<VeiligheidInput> veiligheidStep() {
        return new OutcomeStep<>(RoutekaartIds.VEILIGHEID, VeiligheidInput.class, "veiligheidOutcome",
                EnumSet.of(VeiligheidOutcome.SPECIALIST_TOOK_OVER));
    }

    @Bean
    StepHandler<ToeleidingInput> toeleidingStep() {
        return new OutcomeStep<>(RoutekaartIds.TOELEIDING, ToeleidingInput.class, "toeleidingOutcome",
                EnumSet.of(ToeleidingOutcome.NEEDS_FULL_ROUTE));
    }

    @Bean
    StepHandler<RegieInput> regieStep() {
        return new OutcomeStep<>(RoutekaartIds.REGIE, RegieInput.class, "regieOutcome", EnumSet.of(RegieOutcome.BACK_TO_PLAN));
    }

    @Bean
    StepHandler<EvaluatieInput> evaluatieStep() {
        return new OutcomeStep<>(RoutekaartIds.EVALUATIE, EvaluatieInput.class, "evaluatieOutcome",
                EnumSet.of(EvaluatieOutcome.ADJUST_PLAN, EvaluatieOutcome.CLOSE));
    }

    @Bean
    StepHandler<NazorgControleInput> nazorgControleStep() {
        return new OutcomeStep<>(RoutekaartIds.NAZORG_CONTROLE, NazorgControleInput.class, "nazorgOutcome",
                EnumSet.of(NazorgOutcome.REOPEN));
    }
}
