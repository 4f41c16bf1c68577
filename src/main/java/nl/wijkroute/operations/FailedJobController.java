package nl.wijkroute.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/failed-jobs")
@Tag(name = "Beheer")
class FailedJobController {

    private final FailedJobService jobs;

    FailedJobController(FailedJobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    @Operation(summary = "Mislukte engine-jobs (geen pogingen meer over): hier staat de route van een casus stil")
    PageView<FailedJobService.FailedJob> failed(@Valid @ParameterObject PageParams paging) {
        return jobs.failed(paging);
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Nog een poging voor een mislukte job, nadat de oorzaak is verholpen")
    void retry(@PathVariable @Size(max = 64) String id) {
        jobs.retry(id);
    }
}
