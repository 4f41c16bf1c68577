package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates the Camunda engine tables from the DDL scripts that ship inside the engine jar, so that
 * Flyway owns the whole schema (the engine runs with schema-update off and only checks the version).
 * An engine upgrade adds a migration that runs the engine jar's matching upgrade script the same way.
 */
public class V1__camunda_engine_schema extends BaseJavaMigration {

    private static final List<String> SCRIPTS = List.of(
            "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String script : SCRIPTS) {
                for (String sql : statements("org/camunda/bpm/engine/db/create/activiti.postgres.create." + script + ".sql")) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static List<String> statements(String resource) {
        try (InputStream in = V1__camunda_engine_schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Camunda DDL not on the classpath: " + resource);
            }
            String withoutComments = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.trim().startsWith("--"))
                    .collect(Collectors.joining("\n"));
            return List.of(withoutComments.split(";")).stream()
                    .map(String::trim)
                    .filter(sql -> !sql.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
