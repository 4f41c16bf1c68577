package nl.wijkroute.plan;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/** The goal evaluation's input and view. */
public final class GoalEvaluationDtos {

    private GoalEvaluationDtos() {
    }

    /** How far the goal's concrete result was reached. */
    public enum Attainment { ATTAINED, PARTLY, NOT_ATTAINED }

    /** @param attainment how far the goal's result was reached, judged with the household at evaluatie */
    public record Input(@NotNull Attainment attainment) {
    }

    /** What the evaluatie recorded about one goal. */
    public record View(UUID id, UUID goalId, Leefgebied leefgebied, Attainment attainment, String evaluatedBy,
                       Instant evaluatedAt) {
    }
}
