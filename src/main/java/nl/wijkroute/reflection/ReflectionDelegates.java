package nl.wijkroute.reflection;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listener and service tasks of bpmn/reflectie.bpmn: each hands over to {@link ReflectionService}. */
@Configuration(proxyBeanMethods = false)
class ReflectionDelegates {

    /** On entering every step: the session row's status follows the engine (one writer). */
    @Bean
    ExecutionListener reflectionStatus(ReflectionService reflection) {
        return execution -> reflection.entered(sessionId(execution.getVariable("sessionId")), execution.getCurrentActivityId());
    }

    @Bean
    JavaDelegate reflectionScoringClosed(ReflectionService reflection) {
        return execution -> reflection.scoringClosed(sessionId(execution.getVariable("sessionId")));
    }

    @Bean
    JavaDelegate reflectionActionsReminder(ReflectionService reflection) {
        return execution -> reflection.remindActions(sessionId(execution.getVariable("sessionId")));
    }

    private static UUID sessionId(Object value) {
        return UUID.fromString((String) value);
    }
}
