package nl.wijkroute.privacy.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/**
 * An operator sees in Prometheus when the access log stops being sealed: the age of the oldest entry still waiting for
 * its seal. Until it is sealed an entry can be removed or changed without a trace, so a sealer that no instance runs
 * must page somebody, not wait for the next verification.
 */
@AutoConfigureObservability(tracing = false)
class AccessLogSealMetricTest extends ApiTestSupport {

    @Autowired
    AccessLogSealer sealer;

    @Autowired
    AccessLogMetrics metrics;

    @Test
    void anEntryLeftUnsealedShowsItsAgeUntilTheSealerChainsIt() throws Exception {
        sealer.seal();
        assertThat(oldestUnsealedSeconds()).as("nothing waits after a seal").isZero();

        // The scheduler is off in tests: this entry waits, as it would when no instance seals. Written ten minutes ago.
        // A queue row whose entry was removed (the threat the seal guards against) does not hide the age of the others.
        jdbc.update("insert into access_log_unsealed (entry_id) values (-1)");
        jdbc.update("""
                insert into access_log (logged_at, username, user_role, data_category, action, purpose, outcome)
                values (now() - interval '10 minutes', 'test', 'wijkteam', 'CASE_FILE', 'READ', 'zegel blijft uit', 'GRANTED')""");
        assertThat(oldestUnsealedSeconds()).as("the waiting entry's age").isBetween(600.0, 900.0);

        sealer.seal();
        assertThat(oldestUnsealedSeconds()).as("sealed: nothing waits").isZero();
    }

    @Test
    void theGaugeIsForOperatorsOnly() throws Exception {
        assertThat(mvc.perform(get("/actuator/prometheus").with(TestUsers.wijkcoach())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    private double oldestUnsealedSeconds() throws Exception {
        metrics.forgetSnapshot();
        String scrape = mvc.perform(get("/actuator/prometheus").with(TestUsers.admin())).andReturn().getResponse()
                .getContentAsString();
        Matcher value = Pattern.compile("(?m)^wijkroute_access_log_unsealed_oldest_seconds ([0-9.E+-]+)$").matcher(scrape);
        assertThat(value.find()).as("the gauge in the scrape").isTrue();
        return Double.parseDouble(value.group(1));
    }
}
