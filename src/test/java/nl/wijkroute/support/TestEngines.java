package nl.wijkroute.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import nl.wijkroute.route.engine.StageEntered;
import nl.wijkroute.route.engine.StagePlugin;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * A standalone engine on a real PostgreSQL 17 for process tests: fast, without Spring, with the
 * application's stage plugin and Camunda's mock expression manager for delegates.
 */
public final class TestEngines {

    private TestEngines() {
    }

    public static EmbeddedPostgres postgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ProcessEngine engine(String name, EmbeddedPostgres postgres, StageEntered stages) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        configuration.setJdbcUsername("postgres");
        configuration.setJdbcPassword("");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.getProcessEnginePlugins().add(new StagePlugin(stages));
        return configuration.buildProcessEngine();
    }
}
