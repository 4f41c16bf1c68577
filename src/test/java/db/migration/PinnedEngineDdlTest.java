package db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.Test;

/**
 * V1 builds the engine schema from the 7.24.0 DDL kept in the repository, never from whichever engine jar is on
 * the classpath: after an engine upgrade a fresh install must end up where an upgraded one does (decision 0041).
 */
class PinnedEngineDdlTest {

    @Test
    void v1RunsTheRepositorysCopyOfThe7240Ddl() throws Exception {
        for (String script : V1__camunda_engine_schema.SCRIPTS) {
            String resource = V1__camunda_engine_schema.resource(script);
            assertThat(resource).startsWith("db/engine/7.24.0/");
            assertThat(read(resource)).as(resource).isNotEmpty();
        }
        assertThat(new String(read(V1__camunda_engine_schema.resource("engine"))))
                .contains("insert into ACT_GE_SCHEMA_LOG").contains("'7.24.0'");
    }

    @Test
    void thePinnedDdlIsTheEngineJarsUnchangedWhileThatJarIs7240() throws Exception {
        // After an upgrade the jar's DDL is newer; the pinned copy stays as it was and this check is skipped.
        assumeTrue("7.24.0".equals(ProductPropertiesUtil.getProductVersion()));
        for (String script : V1__camunda_engine_schema.SCRIPTS) {
            assertThat(read(V1__camunda_engine_schema.resource(script))).as(script)
                    .isEqualTo(read("org/camunda/bpm/engine/db/create/activiti.postgres.create." + script + ".sql"));
        }
    }

    private static byte[] read(String resource) throws Exception {
        try (InputStream in = PinnedEngineDdlTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return in.readAllBytes();
        }
    }
}
