package nl.wijkroute.escalation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.system.problem.ConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Stagnation signals: raised where the system sees a case getting stuck. The escalation work adds
 * the procesregisseur's side (taking over, doorzettingsmacht); for now they are raised, listed and
 * resolved when the cause goes away.
 */
@Service
public class StagnationSignalService {

    @Schema(name = "StagnationSignalView") // a case's signals are SignalView
    public record SignalView(UUID id, UUID caseId, String kind, UUID referenceId, String description,
                             java.time.Instant raisedAt) {
    }

    private final StagnationSignalRepository signals;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final StagnationSignalMapper mapper;

    StagnationSignalService(StagnationSignalRepository signals, Clock clock, JdbcTemplate jdbc, StagnationSignalMapper mapper) {
        this.signals = signals;
        this.mapper = mapper;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Raises a signal unless one is already open for this case and cause (kind and reference): the
     * database's partial unique index decides, so a timer that fires twice or two instances racing
     * leave one open signal and no error.
     *
     * @return whether a new signal was raised
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean raise(UUID caseId, StagnationKind kind, UUID referenceId, String description) {
        signals.flush(); // JPA changes first: the insert below bypasses the persistence context
        return jdbc.update("""
                insert into stagnation_signal (id, case_id, kind, reference_id, description, raised_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", UUID.randomUUID(), caseId, kind.name(), referenceId,
                description, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)) == 1;
    }

    /** The cause went away (e.g. the late handover was accepted after all). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void resolveFor(UUID referenceId) {
        signals.findByReferenceIdAndResolvedAtIsNull(referenceId).forEach(signal -> signal.resolve(clock.instant()));
    }

    @Transactional(readOnly = true)
    public boolean hasOpen(UUID caseId, StagnationKind kind) {
        return !signals.findByCaseIdAndKindAndResolvedAtIsNull(caseId, kind.name()).isEmpty();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void resolveOpen(UUID caseId, StagnationKind kind) {
        signals.findByCaseIdAndKindAndResolvedAtIsNull(caseId, kind.name()).forEach(signal -> signal.resolve(clock.instant()));
    }

    /** Open signals of one team's cases, or of all. */
    @Transactional(readOnly = true)
    public PageView<SignalView> open(String teamId, PageParams paging) {
        // Oldest first; the id keeps the order stable between pages.
        Pageable pageable = paging.pageable(Sort.by("raisedAt").and(Sort.by("id")));
        return PageView.of((teamId == null ? signals.findByResolvedAtIsNull(pageable) : signals.openForTeam(teamId, pageable))
                .map(this::toView));
    }

    /**
     * A signal that still asks for action. A resolved one is no reason to open a case any more: it
     * would give the procesregisseur a case that is not theirs without break-the-glass.
     */
    @Transactional(readOnly = true)
    public SignalView getOpen(UUID id) {
        StagnationSignal signal = signals.findById(id)
                .orElseThrow(() -> new nl.wijkroute.system.problem.NotFoundException("Stagnatiesignaal " + id + " bestaat niet."));
        if (signal.getResolvedAt() != null) {
            throw new ConflictException("Dit stagnatiesignaal is al afgehandeld.");
        }
        return toView(signal);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void resolve(UUID id) {
        signals.findById(id).filter(signal -> signal.getResolvedAt() == null).ifPresent(signal -> signal.resolve(clock.instant()));
    }

    private SignalView toView(StagnationSignal signal) {
        return mapper.toView(signal);
    }

    @Transactional(readOnly = true)
    public List<SignalView> open() {
        return signals.findByResolvedAtIsNullOrderByRaisedAtAsc().stream().map(this::toView).toList();
    }
}
