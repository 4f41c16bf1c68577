package nl.wijkroute.route.step;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the complete-task payload in OpenAPI as one of the registered step inputs, keyed by {@code step}. */
@Configuration(proxyBeanMethods = false)
class StepInputSchemas {

    @Bean
    OpenApiCustomizer stepInputOneOf(List<StepHandler<?>> handlers) {
        return openApi -> {
            Schema<?> stepInput = openApi.getComponents().getSchemas().get(StepInput.class.getSimpleName());
            if (stepInput == null) {
                return;
            }
            Discriminator discriminator = new Discriminator().propertyName("step");
            stepInput.setProperties(null);
            for (StepHandler<?> handler : handlers) {
                var resolved = ModelConverters.getInstance().readAllAsResolvedSchema(handler.inputType());
                String name = handler.inputType().getSimpleName();
                Schema<?> schema = resolved.schema;
                schema.addProperty("step", new StringSchema()._enum(List.of(handler.taskKey())));
                schema.addRequiredItem("step");
                openApi.getComponents().addSchemas(name, schema);
                resolved.referencedSchemas.forEach((key, value) -> openApi.getComponents().getSchemas().putIfAbsent(key, value));
                stepInput.addOneOfItem(new Schema<>().$ref("#/components/schemas/" + name));
                discriminator.mapping(handler.taskKey(), "#/components/schemas/" + name);
            }
            stepInput.setDiscriminator(discriminator);
        };
    }
}
