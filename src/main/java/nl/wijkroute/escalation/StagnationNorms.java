package nl.wijkroute.escalation;

import java.time.Duration;
import java.util.Map;
import nl.wijkroute.route.Stage;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a case counts as standing still: the longest a case may stay in each step, and how many
 * times it may return to a step it was in before. Set per municipality in application.yml.
 *
 * @param timeInStep    norm per stage (stages without a norm are not checked, e.g. REGIE, which has its evaluation date)
 * @param revisitLimit  this many returns to earlier steps raises a signal
 */
@ConfigurationProperties("wijkroute.stagnation")
public record StagnationNorms(Map<Stage, Duration> timeInStep, @DefaultValue("3") int revisitLimit) {

    public StagnationNorms {
        timeInStep = timeInStep == null ? Map.of() : Map.copyOf(timeInStep);
    }
}
