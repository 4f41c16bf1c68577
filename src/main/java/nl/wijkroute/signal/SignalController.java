package nl.wijkroute.signal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import nl.wijkroute.system.idempotency.IdempotencyService;
import nl.wijkroute.system.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/signals")
@Tag(name = "Signaleren")
class SignalController {

    private final SignalService signals;
    private final IdempotencyService idempotency;

    SignalController(SignalService signals, IdempotencyService idempotency) {
        this.signals = signals;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Registreer een signaal over een huishouden",
            description = "Opent een casus, of voegt het signaal toe aan de open casus van het huishouden "
                    + "(1 gezin, 1 plan). Veilig te herhalen met dezelfde Idempotency-Key.")
    ResponseEntity<SignalResponse> register(
            @RequestHeader(IdempotencyService.HEADER) @NotBlank @Size(max = 200) String idempotencyKey,
            @Valid @RequestBody SignalRequest request, CurrentUser user) {
        var outcome = idempotency.execute(user.username(), idempotencyKey, request, 201, SignalResponse.class,
                () -> signals.register(request, user));
        return ResponseEntity.status(outcome.status())
                .location(URI.create("/api/v1/cases/" + outcome.body().caseId()))
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(outcome.body());
    }
}
