package nl.wijkroute.route;

import java.time.Instant;
import java.util.UUID;

/** A route task as the werkbak shows it. */
public record TaskView(String id, String taskKey, String name, UUID caseId, String household, Stage caseStage,
                       String assignee, Instant created, Instant due) {
}
