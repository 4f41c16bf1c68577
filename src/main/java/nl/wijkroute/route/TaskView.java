package nl.wijkroute.route;

import java.time.Instant;
import java.util.UUID;

/**
 * A route task as the werkbak shows it. {@code assignee} is the stable id (token sub) of who has claimed
 * it, {@code assigneeName} their user name for display, shown to themselves only (the engine keeps ids, no
 * names, in its history).
 */
public record TaskView(String id, String taskKey, String name, UUID caseId, String household, Stage caseStage,
                       String assignee, String assigneeName, Instant created, Instant due) {
}
