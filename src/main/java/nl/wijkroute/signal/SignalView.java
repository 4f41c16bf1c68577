package nl.wijkroute.signal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;
import nl.wijkroute.triage.Urgency;

/**
 * A registered signal as other modules read it (the case file, the vraagverheldering, the warme overdracht):
 * signal's read model, so no other module handles the {@link Signal} entity.
 */
public record SignalView(UUID id, UUID caseId, SourceType sourceType, String sourceOrganisation, String description,
                         Set<Leefgebied> leefgebieden, Urgency urgency, boolean safetyConcern, Instant receivedAt,
                         String registeredBy) {

    /**
     * A safety signal: flagged as a safety concern, or urgency CRISIS (acute danger is a safety matter). On an
     * open case it starts the team's safety task (decision 0048); safety.SafetyConcerns counts it too.
     */
    public boolean raisesSafety() {
        return safetyConcern || urgency == Urgency.CRISIS;
    }
}
