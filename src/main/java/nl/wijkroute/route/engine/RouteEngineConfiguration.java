package nl.wijkroute.route.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the stage observer, the id check and the history handler into the engine; the Camunda starter applies every
 * plugin bean.
 */
@Configuration(proxyBeanMethods = false)
class RouteEngineConfiguration {

    @Bean
    StagePlugin stagePlugin(StageEntered stageEntered) {
        return new StagePlugin(stageEntered);
    }

    @Bean
    EntityIdCheckPlugin entityIdCheckPlugin() {
        return new EntityIdCheckPlugin();
    }

    @Bean
    HistoryStartTimePlugin historyStartTimePlugin() {
        return new HistoryStartTimePlugin();
    }
}
