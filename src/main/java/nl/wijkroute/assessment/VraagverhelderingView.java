package nl.wijkroute.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/** Where vraagverheldering stands: which leefgebieden must be assessed, which still are not, and what was found. */
public record VraagverhelderingView(UUID caseId, Set<Leefgebied> flagged, Set<Leefgebied> missing,
                                    List<AssessmentView> assessments, String realQuestion) {

    public record AssessmentView(UUID memberId, String member, Leefgebied leefgebied, int score, String scoreMeaning,
                                 String ownWords, String strengths, String network, String assessedBy,
                                 Instant assessedAt) {
    }
}
