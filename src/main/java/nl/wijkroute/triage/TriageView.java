package nl.wijkroute.triage;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/**
 * A triage assessment as other modules read it (the case file, the vraagverheldering): triage's read model,
 * so no other module handles the {@link TriageAssessment} entity.
 */
public record TriageView(UUID id, UUID caseId, Urgency urgency, boolean safetyConcern, ProblemScope problemScope,
                         TriageRoute route, String summary, Set<Leefgebied> leefgebieden, String assessedBy,
                         Instant assessedAt) {
}
