package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import org.junit.jupiter.api.Test;

class UniqueSchemaNamesTest {

    static class Casefile {
        record SignalView(String sourceType) {
        }
    }

    static class Escalation {
        record SignalView(String kind) {
        }

        @io.swagger.v3.oas.annotations.media.Schema(name = "StagnationSignalView")
        record NamedSignalView(String kind) {
        }
    }

    @Test
    void twoClassesUnderOneSchemaNameFailTheDescription() {
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(new UniqueSchemaNames());

        assertThat(converters.readAll(new AnnotatedType(Casefile.SignalView.class))).containsKey("SignalView");
        assertThatThrownBy(() -> converters.readAll(new AnnotatedType(Escalation.SignalView.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SignalView")
                .hasMessageContaining(Casefile.SignalView.class.getName())
                .hasMessageContaining(Escalation.SignalView.class.getName());
    }

    @Test
    void aClassMayBeResolvedAgainAndAnExplicitNameAvoidsTheClash() {
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(new UniqueSchemaNames());

        converters.readAll(new AnnotatedType(Casefile.SignalView.class));
        assertThat(converters.readAll(new AnnotatedType(Casefile.SignalView.class))).containsKey("SignalView");
        assertThat(converters.readAll(new AnnotatedType(Escalation.NamedSignalView.class)))
                .containsKey("StagnationSignalView");
    }
}
