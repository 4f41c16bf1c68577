package nl.wijkroute.triage;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;

/**
 * One row of a triage assessment read as a projection (decision 0061): its columns with one of its leefgebieden (null
 * when triage added none), so the assessment and its leefgebieden come in one statement without an entity (the eager
 * collection of the entity costs a second statement).
 */
record TriageRow(UUID id, UUID caseId, Urgency urgency, boolean safetyConcern, ProblemScope problemScope, TriageRoute route,
                 String summary, Leefgebied leefgebied, String assessedBy, Instant assessedAt) {

    /** The assessment the rows are of (all rows are of one), with the leefgebieden of its rows. */
    static Optional<TriageView> toView(List<TriageRow> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        EnumSet<Leefgebied> leefgebieden = EnumSet.noneOf(Leefgebied.class);
        rows.stream().map(TriageRow::leefgebied).filter(java.util.Objects::nonNull).forEach(leefgebieden::add);
        TriageRow row = rows.get(0);
        return Optional.of(new TriageView(row.id(), row.caseId(), row.urgency(), row.safetyConcern(), row.problemScope(),
                row.route(), row.summary(), leefgebieden, row.assessedBy(), row.assessedAt()));
    }
}
