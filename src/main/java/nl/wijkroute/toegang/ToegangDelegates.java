package nl.wijkroute.toegang;

import java.util.UUID;
import nl.wijkroute.deadline.DeadlineService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of bpmn/toegang.bpmn: each hands over to a service. */
@Configuration(proxyBeanMethods = false)
class ToegangDelegates {

    @Bean
    JavaDelegate deadlineAtRisk(DeadlineService deadlines) {
        return execution -> deadlines.markAtRisk(UUID.fromString((String) execution.getVariable("deadlineId")));
    }

    @Bean
    JavaDelegate deadlineBreached(DeadlineService deadlines) {
        return execution -> deadlines.markBreached(UUID.fromString((String) execution.getVariable("deadlineId")));
    }

    @Bean
    JavaDelegate toegangRefused(ToegangService toegang) {
        return execution -> toegang.returnToPlan(UUID.fromString((String) execution.getVariable("toegangRequestId")));
    }
}
