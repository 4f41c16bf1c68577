package nl.wijkroute.assessment;

import java.time.Instant;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/** A recorded score of one member on one leefgebied: what a self-sufficiency change is computed from (decision 0061). */
record ScoreRow(UUID memberId, Leefgebied leefgebied, Integer score, AssessmentMoment moment, Instant assessedAt) {

    /** As the projection query reads it: the score column is a smallint. */
    ScoreRow(UUID memberId, Leefgebied leefgebied, Short score, AssessmentMoment moment, Instant assessedAt) {
        this(memberId, leefgebied, score == null ? null : score.intValue(), moment, assessedAt);
    }
}
