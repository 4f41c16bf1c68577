package nl.wijkroute.route.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine reads a history row's start time before it updates the row (a task's, an activity's, a process
 * instance's), because the update that ends the instance writes its duration, computed from that start time. An
 * update that ends nothing writes neither (the engine's update statements set {@code DURATION_} only with
 * {@code END_TIME_}), so there the read is spent for nothing: on a claim it is two of the call's statements, the task's
 * and its activity's start time, read to record who took the task (decision 0076).
 *
 * <p>The engine's own database handler is replaced here, through its own switch
 * ({@code enableDefaultDbHistoryEventHandler}, off) and its list of custom handlers (this one last, where the engine
 * puts its own), by the same handler that leaves out that read when the event has no end time; every other event goes
 * through the engine's code unchanged, an ending update included (but for the one case {@link StartTimeReadWhenEnding}
 * names).
 */
public class HistoryStartTimePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Last, where the engine puts its own database handler among the custom ones.
        configuration.setCustomHistoryEventHandlers(EngineExtensionLists.withAdded(
                configuration.getCustomHistoryEventHandlers(), new StartTimeReadWhenEnding()));
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /**
     * The engine's database history handler, reading the start time only for an update that ends the instance. An
     * instance updated and ended in one command (a task claimed and completed by nested calls, a process instance
     * suspended, activated and ended) is the one case to mind: the engine's producer ends the event this handler
     * merged earlier in the command, found in the command's cache, and the engine would not read the start time again
     * (its first read had put it on that event). Here that event has none, so it is read then, from the database, not
     * the cache.
     */
    static final class StartTimeReadWhenEnding extends DbHistoryEventHandler {

        @Override
        protected void insertOrUpdate(HistoryEvent event) {
            if (event instanceof HistoricScopeInstanceEvent scope && event.getId() != null && !isInitialEvent(event)) {
                DbEntityManager entities = getDbEntityManager();
                DbEntity cached = entities.getCachedEntity(event.getClass(), event.getId());
                if (scope.getEndTime() == null) {
                    // As the engine: an event of a row this command already holds is not merged again.
                    if (cached == null) {
                        entities.merge(event);
                    }
                    return;
                }
                if (cached == event && scope.getStartTime() == null) {
                    HistoricScopeInstanceEvent stored = (HistoricScopeInstanceEvent) Context.getCommandContext()
                            .getDbSqlSession().selectById(event.getClass(), event.getId());
                    if (stored != null && stored.getStartTime() != null) {
                        scope.setStartTime(stored.getStartTime());
                        scope.setDurationInMillis(scope.getEndTime().getTime() - stored.getStartTime().getTime());
                    }
                    return;
                }
            }
            super.insertOrUpdate(event);
        }
    }
}
