package nl.wijkroute.assessment;

import java.time.Instant;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/**
 * One recorded cell of the grid as the vraagverheldering shows it, read as a projection (decision 0061): no entity, so
 * a read in a writing transaction (a recorded cell answers with the grid) leaves nothing for the flush to check.
 */
record AssessmentRow(UUID memberId, Leefgebied leefgebied, AssessmentMoment moment, AssessmentStatus status, Integer score,
                     String reason, String ownWords, String strengths, String network, String assessedBy,
                     Instant assessedAt) {

    /** As the projection query reads it: the score column is a smallint. */
    AssessmentRow(UUID memberId, Leefgebied leefgebied, AssessmentMoment moment, AssessmentStatus status, Short score,
                  String reason, String ownWords, String strengths, String network, String assessedBy,
                  Instant assessedAt) {
        this(memberId, leefgebied, moment, status, score == null ? null : score.intValue(), reason, ownWords, strengths,
                network, assessedBy, assessedAt);
    }

    ScoreRow scoreRow() {
        return new ScoreRow(memberId, leefgebied, score, moment, assessedAt);
    }
}
