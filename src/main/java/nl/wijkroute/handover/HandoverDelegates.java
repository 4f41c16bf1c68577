package nl.wijkroute.handover;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of bpmn/warme-overdracht.bpmn: each hands over to {@link HandoverService}. */
@Configuration(proxyBeanMethods = false)
class HandoverDelegates {

    @Bean
    JavaDelegate handoverAccepted(HandoverService handovers) {
        return execution -> handovers.applyAcceptance(handoverId(execution), (String) execution.getVariable("decidedBy"),
                (String) execution.getVariable("decidedByOrganisation"));
    }

    @Bean
    JavaDelegate handoverDeclined(HandoverService handovers) {
        return execution -> handovers.applyDecline(handoverId(execution), (String) execution.getVariable("decidedBy"),
                (String) execution.getVariable("declineReason"));
    }

    @Bean
    JavaDelegate handoverOverdue(HandoverService handovers) {
        return execution -> handovers.markOverdue(handoverId(execution));
    }

    @Bean
    JavaDelegate handoverWithdrawnByClosing(HandoverService handovers) {
        return execution -> handovers.withdrawBecauseCaseClosed(handoverId(execution));
    }

    private static UUID handoverId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable("handoverId"));
    }
}
