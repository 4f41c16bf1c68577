package nl.wijkroute.route.step;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.List;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers each handler's input type under its task key, so {"step": "triage", ...} reads as TriageInput. */
@Configuration(proxyBeanMethods = false)
class StepInputTypes {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer stepInputSubtypes(List<StepHandler<?>> handlers) {
        NamedType[] types = handlers.stream()
                .map(handler -> new NamedType(handler.inputType(), handler.taskKey()))
                .toArray(NamedType[]::new);
        return builder -> builder.postConfigurer(mapper -> mapper.registerSubtypes(types));
    }
}
