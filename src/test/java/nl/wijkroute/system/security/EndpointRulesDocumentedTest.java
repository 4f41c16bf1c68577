package nl.wijkroute.system.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Roles per endpoint are decided in one place, {@link EndpointRules}: no method-security annotation may
 * decide them a second time, and the endpoint table in docs/authorization.md is generated from the rules
 * (this test rewrites it and fails when the committed copy differed).
 */
class EndpointRulesDocumentedTest {

    private static final Path DOC = Path.of("docs", "authorization.md");
    static final String BEGIN = "<!-- endpoint-rules: generated from EndpointRules by EndpointRulesDocumentedTest; do not edit -->";
    static final String END = "<!-- /endpoint-rules -->";

    @Test
    void noRoleIsDecidedByAnAnnotation() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.wijkroute");
        noClasses().should().beAnnotatedWith(PreAuthorize.class).orShould().beAnnotatedWith(PostAuthorize.class)
                .orShould().beAnnotatedWith(Secured.class).check(classes);
        noMethods().should().beAnnotatedWith(PreAuthorize.class).orShould().beAnnotatedWith(PostAuthorize.class)
                .orShould().beAnnotatedWith(Secured.class).check(classes);
    }

    @Test
    void theDocumentedEndpointTableIsTheRuleTable() throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/authorization.md holds the generated endpoint table").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String generated = BEGIN + "\n" + table() + END;
        String updated = doc.substring(0, begin) + generated + doc.substring(end + END.length());
        if (!updated.equals(doc)) {
            Files.writeString(DOC, updated);
        }
        assertThat(doc).as("docs/authorization.md's endpoint table was out of date and has been regenerated: commit it")
                .isEqualTo(updated);
    }

    private static String table() {
        StringBuilder table = new StringBuilder("| Method | Path | Roles |\n|---|---|---|\n");
        for (EndpointRules.Rule rule : EndpointRules.API) {
            table.append("| ").append(rule.method().name()).append(" | `").append(rule.pattern()).append("` | ")
                    .append(rule.roles().stream().sorted().collect(Collectors.joining(", "))).append(" |\n");
        }
        return table.toString();
    }
}
