package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijkroute.support.ApiTestSupport;
import nl.wijkroute.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** Tests switch metrics export off by default; this one needs the Prometheus endpoint for real. */
@AutoConfigureObservability(tracing = false)
class PrometheusMetricsTest extends ApiTestSupport {

    @Test
    void prometheusCarriesBusinessGaugesBesideTheTechnicalOnes() throws Exception {
        openCaseInNoord();
        // The business gauges are a snapshot refreshed at most every 15 s (BusinessMetrics); another test in
        // this context may have scraped just before the case was opened.
        String metrics = scrape();
        for (int second = 0; second < 20 && triageCount(metrics) < 1.0; second++) {
            Thread.sleep(1000);
            metrics = scrape();
        }
        assertThat(metrics).contains("wijkroute_cases_in_stage{stage=\"TRIAGE\"}")
                .contains("wijkroute_legal_terms_overdue").contains("wijkroute_escalations_open")
                .contains("jvm_memory_used_bytes").contains("hikaricp_connections")
                // the API's admission (decision 0068), which docs/operations.md's alerts read
                .contains("wijkroute_api_admission_waiting").contains("wijkroute_api_admission_active")
                .containsPattern("wijkroute_api_admission_limit(\\{[^}]*})? " + 2 * Runtime.getRuntime().availableProcessors() + "\\.0")
                .contains("wijkroute_api_admission_rejected_total{reason=\"queue-full\"")
                .contains("wijkroute_api_admission_rejected_total{reason=\"waited-too-long\"")
                // requests answered 503 behind a lock (decision 0070), which docs/operations.md names
                .contains("wijkroute_database_lock_not_granted_total");
        Matcher triage = Pattern.compile("wijkroute_cases_in_stage\\{stage=\"TRIAGE\"} ([0-9.]+)")
                .matcher(metrics);
        assertThat(triage.find()).isTrue();
        assertThat(Double.parseDouble(triage.group(1))).isGreaterThanOrEqualTo(1.0);
        assertThat(mvc.perform(get("/actuator/prometheus").with(TestUsers.manager())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(TestUsers.admin())).andReturn().getResponse().getContentAsString();
    }

    private static double triageCount(String metrics) {
        Matcher triage = Pattern.compile("wijkroute_cases_in_stage\\{stage=\"TRIAGE\"} ([0-9.]+)").matcher(metrics);
        return triage.find() ? Double.parseDouble(triage.group(1)) : -1;
    }
}
