package nl.wijkroute;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import nl.wijkroute.support.ApiTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

class ApplicationStartsTest extends ApiTestSupport {

    @Autowired
    ManagementService management;

    @Test
    void flywayCreatesTheEngineSchemaOnPostgres17AndTheEngineAcceptsIt() {
        assertThat(jdbc.queryForObject("show server_version", String.class)).startsWith("17.");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isGreaterThanOrEqualTo(1);
        assertThat(management.getTableCount()).containsKey("ACT_RU_EXECUTION");
    }
}
