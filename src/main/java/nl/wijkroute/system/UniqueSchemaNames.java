package nl.wijkroute.system;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Schemas are named after the simple class name, so two DTOs of the same name (two nested {@code SignalView}s) used
 * to share one schema and one of them was described wrongly, silently. This makes such a clash fail the API
 * description (and so OpenApiTest) instead; give one of them {@code @Schema(name = "...")}.
 */
@Component
class UniqueSchemaNames implements ModelConverter {

    private final Map<String, Class<?>> classByName = new ConcurrentHashMap<>();

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> schema = chain.next().resolve(type, context, chain);
        if (schema == null || type.getType() == null) {
            return schema;
        }
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (!raw.getName().startsWith("nl.wijkroute.")) {
            return schema;
        }
        String name = schema.get$ref() != null ? schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)
                : raw.isEnum() ? null : schema.getName(); // inline enums have a name but no schema of their own
        if (name != null) {
            Class<?> earlier = classByName.putIfAbsent(name, raw);
            if (earlier != null && !earlier.equals(raw)) {
                throw new IllegalStateException("Schema name " + name + " is used by both " + earlier.getName()
                        + " and " + raw.getName() + "; give one @Schema(name = ...)");
            }
        }
        return schema;
    }
}
