package nl.wijkroute.route;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Locale;
import nl.wijkroute.route.step.StepInput;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import nl.wijkroute.system.security.CurrentUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The werkbak. Completing a task takes the step's input; the route decides what comes next. */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Werkbak")
class TaskController {

    private final RouteTaskService tasks;

    TaskController(RouteTaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(summary = "Mijn taken en de niet-opgepakte taken van mijn team")
    PageView<TaskView> werkbak(@RequestParam(defaultValue = "all") @Pattern(regexp = "mine|unclaimed|all",
                                       message = "is mine, unclaimed of all") String assignment,
                               @RequestParam(required = false) @Size(max = 64) String step,
                               @RequestParam(required = false) LocalDate dueBefore,
                               @Valid @ParameterObject PageParams paging, CurrentUser user) {
        return tasks.werkbak(user, new RouteTaskService.WerkbakFilter(
                RouteTaskService.Assignment.valueOf(assignment.toUpperCase(Locale.ROOT)), step, dueBefore), paging);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Pak een taak op")
    TaskView claim(@PathVariable @Size(max = 64) String id, CurrentUser user) {
        return tasks.claim(id, user);
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Geef een opgepakte taak terug aan het team")
    TaskView unclaim(@PathVariable @Size(max = 64) String id, CurrentUser user) {
        return tasks.unclaim(id, user);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Rond een taak af met de invoer van deze stap",
            description = "Het veld 'step' noemt de stap (triage, veiligheid, toeleiding, vraagverheldering, plan, "
                    + "regie, evaluatie, nazorgControle); de route bepaalt de volgende stap.")
    ResponseEntity<Void> complete(@PathVariable @Size(max = 64) String id, @Valid @RequestBody StepInput input,
                                  CurrentUser user) {
        tasks.complete(id, user, input);
        return ResponseEntity.noContent().build();
    }
}
