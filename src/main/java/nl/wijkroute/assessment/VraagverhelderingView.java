package nl.wijkroute.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/**
 * Where vraagverheldering stands: the levensbrede grid per member (every leefgebied that fits the member's
 * age, filled or still empty), the history of what was recorded, the change per cell, and the real question.
 * {@code flagged} are the leefgebieden signals and triage named (where to start); {@code missing} are the
 * leefgebieden with at least one empty cell, {@code missingCells} the cells themselves.
 */
public record VraagverhelderingView(UUID caseId, Set<Leefgebied> flagged, Set<Leefgebied> missing,
                                    List<AssessmentView> assessments, String realQuestion,
                                    List<MemberGrid> members, List<CellRef> missingCells, List<ScoreChange> changes) {

    /** One recorded cell, oldest first: the history is never overwritten. */
    public record AssessmentView(UUID memberId, String member, Leefgebied leefgebied, AssessmentMoment moment,
                                 AssessmentStatus status, Integer score, String scoreMeaning, String reason,
                                 String ownWords, String strengths, String network, String assessedBy,
                                 Instant assessedAt) {
    }

    /** A member's row of the grid: their age band and, per leefgebied that must be covered, the latest entry. */
    public record MemberGrid(UUID memberId, String member, LifeStage lifeStage, List<GridCell> cells) {
    }

    /** The latest entry of one cell; status null while the cell is still empty. */
    public record GridCell(Leefgebied leefgebied, AssessmentStatus status, Integer score, AssessmentMoment moment,
                           Instant recordedAt) {
    }

    /** An empty cell, by its address. */
    public record CellRef(UUID memberId, Leefgebied leefgebied) {
    }

    /**
     * The self-sufficiency change of one member on one leefgebied: the first score against the latest
     * (equal while it was scored only once).
     */
    public record ScoreChange(UUID memberId, String member, Leefgebied leefgebied, int startScore, Instant startAt,
                              int latestScore, Instant latestAt, AssessmentMoment latestMoment, int change) {
    }
}
