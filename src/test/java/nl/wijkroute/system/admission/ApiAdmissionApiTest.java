package nl.wijkroute.system.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.context.TestPropertySource;

/**
 * The admission in the service's filter chain (decision 0068): API requests beyond the limit wait and are turned
 * away with 503 problem+json after max-wait; health probes do not queue behind the API.
 */
// The default limit pinned (an environment's WIJKROUTE_API_MAX_CONCURRENT does not move what is tested), a short wait.
@TestPropertySource(properties = {"wijkroute.api.admission.max-concurrent=0", "wijkroute.api.admission.max-wait=PT0.2S"})
class ApiAdmissionApiTest extends ApiTestSupport {

    @Autowired
    FilterRegistrationBean<ApiAdmissionFilter> admission;

    @Test
    void theLimitIsTwiceTheProcessorsAndCoversTheApiOnlyBeforeSecurity() {
        assertThat(admission.getFilter().turns.availablePermits())
                .isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(admission.getUrlPatterns()).containsExactly("/api/*");
        // Before Spring Security's filter chain: a waiting request has not decoded its token or read anything yet.
        assertThat(admission.getOrder()).isLessThan(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER);
    }

    @Test
    void anApiRequestWithoutATurnIsAnswered503AfterMaxWaitWhileHealthStillAnswers() throws Exception {
        int limit = admission.getFilter().turns.availablePermits();
        admission.getFilter().turns.acquire(limit); // every turn taken, as by that many running requests
        try {
            mvc.perform(get("/api/v1/tasks").with(TestUsers.wijkcoach()))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("overbelast")));
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        } finally {
            admission.getFilter().turns.release(limit);
        }
        mvc.perform(get("/api/v1/tasks").with(TestUsers.wijkcoach())).andExpect(status().isOk());
    }
}
