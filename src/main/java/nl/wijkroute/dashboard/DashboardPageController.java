package nl.wijkroute.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import nl.wijkroute.household.Areas;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

/** Serves what the browser page needs before it has a token (where to log in), and the team list. */
@RestController
class DashboardPageController {

    private final String issuer;
    private final String clientId;
    private final Areas areas;

    DashboardPageController(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
                            @Value("${wijkroute.dashboard.client-id:wijkroute-dashboard}") String clientId, Areas areas) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.areas = areas;
    }

    @GetMapping("/dashboard")
    RedirectView page() {
        RedirectView page = new RedirectView("/dashboard/index.html");
        page.setPropagateQueryParams(true); // ?team=…&wijk=… preselect the filters
        return page;
    }

    @GetMapping("/dashboard/config")
    Map<String, String> config() {
        return Map.of("issuer", issuer, "clientId", clientId);
    }

    @Operation(summary = "De teams, voor het filter van het dashboard", tags = "Dashboard",
            operationId = "teamsDashboard")
    @GetMapping("/api/v1/dashboard/teams")
    List<Areas.TeamEntry> teams() {
        return areas.teams();
    }

    @Operation(summary = "De wijken en hun team, voor het filter van het dashboard", tags = "Dashboard",
            operationId = "wijkenDashboard")
    @GetMapping("/api/v1/dashboard/wijken")
    List<Areas.WijkEntry> wijken() {
        return areas.wijken();
    }
}
