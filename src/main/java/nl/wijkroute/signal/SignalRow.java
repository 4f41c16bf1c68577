package nl.wijkroute.signal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.household.Leefgebied;
import nl.wijkroute.triage.Urgency;

/**
 * One row of a case's signals read as a projection (decision 0061): a signal's columns with one of its leefgebieden
 * (null for a signal without any), so the signals and their leefgebieden come in one statement without entities.
 */
record SignalRow(UUID id, UUID caseId, SourceType sourceType, String sourceOrganisation, String description,
                 Leefgebied leefgebied, Urgency urgency, boolean safetyConcern, Instant receivedAt, String registeredBy) {

    /** The signals in the rows' order, each with the leefgebieden of its rows. */
    static List<SignalView> toViews(List<SignalRow> rows) {
        Map<UUID, SignalRow> signals = new LinkedHashMap<>();
        Map<UUID, EnumSet<Leefgebied>> leefgebieden = new LinkedHashMap<>();
        for (SignalRow row : rows) {
            signals.putIfAbsent(row.id(), row);
            EnumSet<Leefgebied> ofSignal = leefgebieden.computeIfAbsent(row.id(), id -> EnumSet.noneOf(Leefgebied.class));
            if (row.leefgebied() != null) {
                ofSignal.add(row.leefgebied());
            }
        }
        return signals.values().stream().map(row -> new SignalView(row.id(), row.caseId(), row.sourceType(),
                row.sourceOrganisation(), row.description(), leefgebieden.get(row.id()), row.urgency(), row.safetyConcern(),
                row.receivedAt(), row.registeredBy())).toList();
    }
}
