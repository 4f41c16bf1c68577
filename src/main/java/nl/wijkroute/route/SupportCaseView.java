package nl.wijkroute.route;

import java.util.UUID;

/**
 * A case as other modules use it (the plan, the regie): route's read model, so no other module handles the
 * {@link SupportCase} entity. The household and team are ids; household's API tells more about them.
 */
public record SupportCaseView(UUID id, UUID householdId, String teamId, CaseStatus status, Stage currentStage) {
}
