package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Partners generate their client from /v3/api-docs (docs/decisions/0025). This runs the generator they use,
 * openapi-generator (Java, library native) with its validation on, on the live description OpenApiTest wrote to
 * target/openapi.json in the test phase, and compiles the result.
 */
class OpenApiClientIT {

    private static final Path SPEC = Path.of("target", "openapi.json");
    private static final Path OUTPUT = Path.of("target", "generated-client", "java");

    @Test
    void theGeneratedJavaClientCompiles() throws Exception {
        assertThat(SPEC).as("written by OpenApiTest in the test phase; run it first").isNotEmptyFile();
        String generator = System.getProperty("wijkroute.openapi.generator",
                "target/openapi-generator/openapi-generator-cli.jar");
        assertThat(Path.of(generator)).as("copied by the maven-dependency-plugin (pre-integration-test)").isNotEmptyFile();
        deleteRecursively(OUTPUT);

        Path log = Files.createDirectories(OUTPUT.getParent()).resolve("java-generator.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", generator, "generate", "-i", SPEC.toString(), "-g", "java", "--library", "native",
                "-o", OUTPUT.toString(), "--package-name", "nl.wijkroute.client",
                "--api-package", "nl.wijkroute.client.api", "--model-package", "nl.wijkroute.client.model",
                "--additional-properties", "useJakartaEe=true,hideGenerationTimestamp=true",
                "--global-property", "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("generator finished").isTrue();
        assertThat(process.exitValue()).as("generator exit code; see " + log + ":\n" + tail(log)).isZero();

        List<Path> sources;
        try (Stream<Path> files = Files.walk(OUTPUT.resolve("src/main/java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = Files.createDirectories(OUTPUT.resolve("classes"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            // jackson, jakarta.annotation, jsr305 and jackson-databind-nullable are test dependencies (pom.xml).
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            boolean compiled = javac.getTask(null, files, diagnostics,
                    List.of("-d", classes.toString(), "-classpath", classpath, "-nowarn", "-proc:none", "--release", "17"),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
            List<String> errors = new ArrayList<>();
            diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).limit(20)
                    .forEach(d -> errors.add(d.getSource().getName() + ":" + d.getLineNumber() + " " + d.getMessage(Locale.ROOT)));
            assertThat(errors).as("compile errors in the generated client").isEmpty();
            assertThat(compiled).isTrue();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
