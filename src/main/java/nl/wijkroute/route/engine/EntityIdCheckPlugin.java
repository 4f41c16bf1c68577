package nl.wijkroute.route.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;

/**
 * The engine checks the id of every entity it inserts (not null, not {@code *}) with a message naming the entity,
 * and builds that message before the check, whether it fails or not: the entity's {@code toString}, every field of a
 * history event, on each of the dozen inserts of a completion or a signal (some 2 % of a request's CPU, and its
 * longest strings; decision 0075). The engine's entity manager is given here through its own extension point (a
 * session factory for {@link DbEntityManager}, which replaces the engine's) with the same check, whose message is built
 * only when the check fails; then the engine's own check runs and throws exactly what it throws.
 */
public class EntityIdCheckPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomSessionFactories(EngineExtensionLists.withAdded(
                configuration.getCustomSessionFactories(), new Factory(configuration)));
    }

    /** The engine's factory, opening {@link IdCheckedEntityManager}s with the engine's id generator, read as each opens. */
    static final class Factory extends DbEntityManagerFactory {

        private final ProcessEngineConfigurationImpl configuration;

        Factory(ProcessEngineConfigurationImpl configuration) {
            super(null);
            this.configuration = configuration;
        }

        @Override
        public DbEntityManager openSession() {
            PersistenceSession persistenceSession = Context.getCommandContext().getSession(PersistenceSession.class);
            return new IdCheckedEntityManager(configuration, persistenceSession);
        }
    }

    /** The engine's entity manager, with the id check's message built only for an id that fails it. */
    static final class IdCheckedEntityManager extends DbEntityManager {

        IdCheckedEntityManager(ProcessEngineConfigurationImpl configuration, PersistenceSession persistenceSession) {
            super(configuration.getIdGenerator(), persistenceSession);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || "*".equals(id)) {
                super.validateId(entity);
            }
        }
    }
}
