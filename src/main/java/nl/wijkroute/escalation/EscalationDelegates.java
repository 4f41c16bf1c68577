package nl.wijkroute.escalation;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of bpmn/escalatie.bpmn. */
@Configuration(proxyBeanMethods = false)
class EscalationDelegates {

    @Bean
    JavaDelegate doorbraakFollowUpLate(EscalationService escalations) {
        return execution -> escalations.followUpLate(UUID.fromString((String) execution.getVariable("escalationId")));
    }

    @Bean
    JavaDelegate closingRefusedWhileEscalated(EscalationService escalations) {
        return execution -> escalations.refuseClosing(UUID.fromString((String) execution.getVariable("escalationId")));
    }
}
