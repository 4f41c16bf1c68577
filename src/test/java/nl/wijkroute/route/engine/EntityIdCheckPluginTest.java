package nl.wijkroute.route.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.wijkroute.route.engine.EntityIdCheckPlugin.IdCheckedEntityManager;
import nl.wijkroute.support.ApiTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's entity manager checks the id of what it inserts without describing the entity first (decision 0075),
 * and refuses a bad id exactly as the engine does.
 */
class EntityIdCheckPluginTest extends ApiTestSupport {

    @Autowired
    ProcessEngine engine;

    @Test
    void theEnginesCommandsInsertThroughAnEntityManagerThatDoesNotDescribeAValidEntity() {
        CountedEntity valid = new CountedEntity("2f0c6c5e-3b7e-4d0a-9f55-0c1d2e3f4a5b");

        engineCommands().execute(commandContext -> {
            assertThat(commandContext.getDbEntityManager()).isInstanceOf(IdCheckedEntityManager.class);
            ((IdCheckedEntityManager) commandContext.getDbEntityManager()).validateId(valid);
            return null;
        });

        assertThat(valid.described).as("toString calls for a valid id").isZero();
    }

    @Test
    void aMissingOrReservedIdIsRefusedWithTheEnginesOwnMessage() {
        CountedEntity missing = new CountedEntity(null);
        CountedEntity reserved = new CountedEntity("*");

        engineCommands().execute(commandContext -> {
            IdCheckedEntityManager entities = (IdCheckedEntityManager) commandContext.getDbEntityManager();
            assertThatThrownBy(() -> entities.validateId(missing)).isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("Entity counted entity null has an invalid id").hasMessageContaining("id is null");
            assertThatThrownBy(() -> entities.validateId(reserved)).isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("Entity counted entity * has an invalid id").hasMessageContaining("cannot be *");
            return null;
        });

        assertThat(missing.described).isEqualTo(1);
        assertThat(reserved.described).isEqualTo(1);
    }

    /**
     * The plugin repeats two things of the engine's: how its factory opens an entity manager, and which ids its check
     * refuses. An upgrade of the engine is where to compare them again (DbEntityManagerFactory.openSession,
     * DbEntityManager.validateId and insert, EnsureUtil.ensureValidIndividualResourceId), then move this version on.
     */
    @Test
    void theEngineIsTheVersionWhoseIdCheckThePluginRepeats() {
        assertThat(ProductPropertiesUtil.getProductVersion()).isEqualTo("7.24.0");
    }

    private CommandExecutor engineCommands() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }

    /** An entity that counts how often it is described: the id check's message is the only thing that would. */
    private static final class CountedEntity implements DbEntity {

        private String id;
        private int described;

        CountedEntity(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public Object getPersistentState() {
            return id;
        }

        @Override
        public String toString() {
            described++;
            return "counted entity " + id;
        }
    }
}
