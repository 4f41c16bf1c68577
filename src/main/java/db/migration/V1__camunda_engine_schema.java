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
 * Creates the Camunda engine tables, so that Flyway owns the whole schema (the engine runs with schema-update
 * off and only checks the version). The DDL is the engine 7.24.0's, pinned in the repository
 * (db/engine/7.24.0, copied from the engine jar unchanged), not read from whichever engine jar is on the
 * classpath: a fresh install after an engine upgrade must build the same schema as an upgraded one, V1 and
 * then the upgrade migrations. An upgrade adds a SQL migration with Camunda's upgrade script and leaves this
 * one alone (decision 0041, docs/operations.md). A Java migration has no checksum, so pinning it changed
 * nothing for databases migrated before.
 */
public class V1__camunda_engine_schema extends BaseJavaMigration {

    /** The engine version whose DDL this migration runs; never changes. */
    static final String ENGINE_DDL_VERSION = "7.24.0";

    static final List<String> SCRIPTS = List.of(
            "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String script : SCRIPTS) {
                for (String sql : statements(resource(script))) {
                    statement.execute(sql);
                }
            }
        }
    }

    static String resource(String script) {
        return "db/engine/" + ENGINE_DDL_VERSION + "/activiti.postgres.create." + script + ".sql";
    }

    private static List<String> statements(String resource) {
        try (InputStream in = V1__camunda_engine_schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Pinned Camunda DDL not on the classpath: " + resource);
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
