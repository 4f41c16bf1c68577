package nl.wijkroute.escalation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.route.CaseStatus;
import nl.wijkroute.route.RouteReadModels;
import nl.wijkroute.route.Stage;
import nl.wijkroute.system.MunicipalTime;
import nl.wijkroute.system.problem.ConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springframework.data.domain.Sort;

/**
 * Stagnation signals: raised where the system sees a case getting stuck. The escalation work adds
 * the procesregisseur's side (taking over, doorzettingsmacht); for now they are raised, listed and
 * resolved when the cause goes away.
 *
 * <p>The one way a stagnation signal is raised (issue 19): other modules' timers call {@link #raise}, the
 * daily detection the set-based {@code raiseFor...} methods; nothing else writes {@code stagnation_signal}.
 */
@Service
public class StagnationSignalService {

    @Schema(name = "StagnationSignalView") // a case's signals are SignalView
    public record SignalView(UUID id, UUID caseId, String kind, UUID referenceId, String description,
                             java.time.Instant raisedAt) {
    }

    /** Route's case view (decision 0052): escalation reads no route table itself. */
    private static final String STANDING_STILL = """
            insert into stagnation_signal (id, case_id, kind, reference_id, description, raised_at)
            select gen_random_uuid(), c.case_id, '%s', c.case_id,
                   'Casus staat sinds ' || to_char(c.stage_entered_at at time zone '%s', 'YYYY-MM-DD HH24:MI')
                   || ' in stap ' || c.current_stage || ' (norm ' || norm.days || ' dagen).', ?
              from %s c
              join unnest(?::text[], ?::text[]::timestamptz[], ?::int[]) as norm(stage, entered_before, days)
                on c.current_stage = norm.stage and c.stage_entered_at < norm.entered_before
             where c.status = '%s'
            on conflict do nothing
            """.formatted(StagnationKind.TIME_IN_STEP, MunicipalTime.TIME_ZONE, RouteReadModels.CASE_VIEW, CaseStatus.OPEN);

    /** Back-moves since the last signal of this kind was resolved: a resolved signal is not raised again for the same moves. */
    private static final String GOING_BACK = """
            insert into stagnation_signal (id, case_id, kind, reference_id, description, raised_at)
            select gen_random_uuid(), h.case_id, '%1$s', h.case_id,
                   'Casus is ' || count(*) || ' keer teruggegaan naar een eerdere stap.', ?
              from %2$s h
              join %3$s c on c.case_id = h.case_id and c.status = '%4$s'
             where h.back_move
               and h.moved_at > coalesce((select max(s.resolved_at) from stagnation_signal s
                                           where s.case_id = h.case_id and s.kind = '%1$s'), '-infinity')
             group by h.case_id
            having count(*) >= ?
            on conflict do nothing
            """.formatted(StagnationKind.REPEATED_BACK_MOVES, RouteReadModels.STEP_HISTORY_VIEW, RouteReadModels.CASE_VIEW,
            CaseStatus.OPEN);

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

    /**
     * Raises {@link StagnationKind#TIME_IN_STEP} for every open case standing in a stage longer than its norm,
     * in one statement over route's case view whatever the number of cases.
     *
     * @return how many new signals were raised
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int raiseForTimeInStep(List<Map.Entry<Stage, Duration>> timeInStep, Instant now) {
        return jdbc.update(STANDING_STILL, statement -> {
            Connection connection = statement.getConnection();
            statement.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            statement.setArray(2, connection.createArrayOf("text",
                    timeInStep.stream().map(norm -> norm.getKey().name()).toArray()));
            statement.setArray(3, connection.createArrayOf("text",
                    timeInStep.stream().map(norm -> now.minus(norm.getValue()).toString()).toArray()));
            statement.setArray(4, connection.createArrayOf("int4",
                    timeInStep.stream().map(norm -> (int) norm.getValue().toDays()).toArray()));
        });
    }

    /**
     * Raises {@link StagnationKind#REPEATED_BACK_MOVES} for every open case that moved back at least
     * {@code limit} times since its last such signal was resolved, in one statement.
     *
     * @return how many new signals were raised
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int raiseForRepeatedBackMoves(int limit, Instant now) {
        return jdbc.update(GOING_BACK, statement -> {
            statement.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            statement.setInt(2, limit);
        });
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

    /**
     * On every move of a case: one update, not the signals loaded as entities to be dirty-checked and written back
     * (nearly always there is none; issue 14, decision 0063). Plain SQL, so Hibernate does not flush the move's
     * pending inserts early for it, and no signal of the case is held in this transaction's persistence context.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void resolveOpen(UUID caseId, StagnationKind kind) {
        jdbc.update("update stagnation_signal set resolved_at = ? where case_id = ? and kind = ? and resolved_at is null",
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), caseId, kind.name());
    }

    /** Open signals of one team's cases, or of all. */
    @Transactional(readOnly = true)
    public PageView<SignalView> open(String teamId, PageParams paging) {
        // Oldest first; the id keeps the order stable between pages.
        return PageView.of((teamId == null
                ? signals.findByResolvedAtIsNull(paging.pageable(Sort.by("raisedAt").and(Sort.by("id"))))
                : signals.openForTeam(teamId, paging.pageable(Sort.unsorted())))
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
