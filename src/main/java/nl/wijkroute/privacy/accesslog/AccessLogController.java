package nl.wijkroute.privacy.accesslog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import nl.wijkroute.system.security.CurrentUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The privacy officer's questions: who looked at this household, when and why; is the log intact. */
@RestController
@RequestMapping("/api/v1/access-log")
@Tag(name = "Privacy")
class AccessLogController {

    private static final int EXPORT_LIMIT = 100_000;

    private final AccessLogQueries queries;
    private final AccessLogSealer sealer;
    private final ApplicationEventPublisher events;

    AccessLogController(AccessLogQueries queries, AccessLogSealer sealer, ApplicationEventPublisher events) {
        this.queries = queries;
        this.sealer = sealer;
        this.events = events;
    }

    @GetMapping
    @Operation(summary = "Toegangslog (NEN 7513), filter op huishouden, casus, gebruiker, periode of doorbraak")
    PageView<AccessLogQueries.Row> find(@RequestParam(required = false) UUID householdId,
                                    @RequestParam(required = false) UUID caseId,
                                    @RequestParam(required = false) @Size(max = 100) String username,
                                    @RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to,
                                    @RequestParam(required = false) Boolean breakGlass,
                                    @Valid @ParameterObject PageParams paging,
                                    CurrentUser user) {
        var filter = new AccessLogQueries.Filter(householdId, caseId, username, from, to, breakGlass);
        PageView<AccessLogQueries.Row> rows = queries.page(filter, paging);
        // Every look at the log is itself logged: by case, by user or unfiltered it still shows who looked at whom.
        events.publishEvent(new AccessLogConsulted(user, householdId, caseId, false));
        return rows;
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Exporteer het toegangslog als CSV (zelfde filters); de export zelf wordt ook gelogd")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) UUID householdId,
                                                 @RequestParam(required = false) UUID caseId,
                                                 @RequestParam(required = false) @Size(max = 100) String username,
                                                 @RequestParam(required = false) Instant from,
                                                 @RequestParam(required = false) Instant to,
                                                 CurrentUser user) {
        var filter = new AccessLogQueries.Filter(householdId, caseId, username, from, to, null);
        events.publishEvent(new AccessLogConsulted(user, householdId, caseId, true));
        // Up to EXPORT_LIMIT rows: written to the response as they are read, never all held at once.
        StreamingResponseBody body = out -> {
            try (AccessLogCsv csv = new AccessLogCsv(out)) {
                queries.forEach(filter, EXPORT_LIMIT, csv::print);
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"toegangslog.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    @GetMapping("/verification")
    @Operation(summary = "Verzegel en controleer de hashketen van het toegangslog (manipulatie wordt zichtbaar)")
    AccessLogQueries.Verification verify() {
        return sealer.verify();
    }
}
