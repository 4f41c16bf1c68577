package nl.wijkroute.regie;

import java.time.Instant;
import java.util.List;

/** Who holds which regie now, and who held it before. */
public record RegieView(Holder casusregie, Holder procesregie, List<Holder> history) {

    public record Holder(RegieAssignment.Kind kind, RegieAssignment.HolderType holderType, String holder,
                         String holderOrganisation, Instant startedAt, RegieAssignment.Via startedVia, String reason,
                         Instant endedAt) {
    }
}
