package nl.wijkroute.route;

import java.time.Instant;
import java.util.UUID;

/**
 * Published synchronously, inside the engine's transaction, after a case entered a stage. Other
 * capabilities react here (the plan closes when the case is closed) instead of the route calling them.
 */
public record CaseMoved(UUID caseId, Stage from, Stage to, Instant at) {
}
