package nl.wijkroute.route;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.wijkroute.route.engine.StageEntered;
import nl.wijkroute.system.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place where moves are recorded. The engine calls it (through the stage parse listener) in
 * its own transaction whenever a token enters a stage, so the case row's copy of the stage and the
 * step history can never drift from the engine.
 *
 * <p>Uses only repositories, not the engine services, because the engine is built with it.
 */
@Component
class StepRecorder implements StageEntered {

    /**
     * The move of {@link SupportCase#enter} as one statement, for a case this transaction has not loaded (decision
     * 0060): the same columns and rule (an open stage reopens: no closing time or reason; any other keeps the first
     * closing time and takes the move's reason, if it has one), the version raised like Hibernate's, and the stage it
     * left returned, read under the row's lock so a simultaneous move of the same case is serialised, not lost.
     */
    private static final String MOVE = """
            with left_stage as (select id, current_stage from support_case where id = :id for update)
            update support_case c set current_stage = :stage, stage_entered_at = :at, status = :status,
                closed_at = case when :reopens then null else coalesce(c.closed_at, :at) end,
                closure_reason = case when :reopens then null else coalesce(:reason, c.closure_reason) end,
                version = c.version + 1
            from left_stage where c.id = left_stage.id
            returning left_stage.current_stage""";

    /**
     * A move appended to the history as one plain insert (decision 0074). Saved as an entity, its identity key made Hibernate
     * insert it at once anyway and read the whole row back ({@code returning *}) for an id nobody here reads: about a
     * tenth of a completion's request CPU in the profile. The table's trigger keeps the stage stays as before.
     */
    private static final String APPEND = """
            insert into step_history (case_id, from_stage, to_stage, actor, actor_name, moved_at, reason, back_move)
            values (:caseId, :from, :to, :actor, :actorName, :at, :reason, :backMove)""";

    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final NamedParameterJdbcTemplate jdbc;

    @PersistenceContext
    private EntityManager entityManager;

    StepRecorder(Clock clock, ApplicationEventPublisher events, NamedParameterJdbcTemplate jdbc) {
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void onStageEntered(DelegateExecution execution, Stage stage) {
        UUID caseId = UUID.fromString(execution.getProcessBusinessKey());
        String reason = (String) execution.getVariable(RouteVariables.MOVE_REASON);
        // Transient, like the reason: it lives until the command ends, which is at the stage it led to.
        boolean backMove = Boolean.TRUE.equals(execution.getVariable(RouteVariables.BACK_MOVE));
        var now = clock.instant();
        Stage from = move(caseId, stage, now, reason);
        String engineUser = engineUser(execution);
        append(caseId, from, stage, actorId(engineUser), actorName(engineUser), now, reason, backMove);
        events.publishEvent(new CaseMoved(caseId, from, stage, now));
    }

    /**
     * Moves the case row's copy of the stage and answers the stage it left. A case this transaction already holds (the
     * signal that opened it, a step whose handler read it) moves as that entity, so what the transaction holds stays
     * true; otherwise one update (MOVE) instead of loading the row to change it and writing it back (decision 0060).
     */
    private Stage move(UUID caseId, Stage stage, Instant now, String reason) {
        SupportCase held = heldByThisTransaction(caseId);
        if (held != null) {
            Stage from = held.getCurrentStage();
            held.enter(stage, now, reason);
            return from;
        }
        List<String> left = jdbc.queryForList(MOVE, new MapSqlParameterSource()
                .addValue("id", caseId)
                .addValue("stage", stage.name())
                .addValue("at", timestamp(now), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("status", stage.status().name())
                .addValue("reopens", stage.status() == CaseStatus.OPEN, Types.BOOLEAN)
                .addValue("reason", reason, Types.VARCHAR), String.class);
        if (left.isEmpty()) {
            throw new IllegalStateException("Route running for unknown case " + caseId);
        }
        return left.get(0) == null ? null : Stage.valueOf(left.get(0));
    }

    private void append(UUID caseId, Stage from, Stage to, String actor, String actorName, Instant at, String reason,
                        boolean backMove) {
        jdbc.update(APPEND, new MapSqlParameterSource()
                .addValue("caseId", caseId)
                .addValue("from", from == null ? null : from.name(), Types.VARCHAR)
                .addValue("to", to.name())
                .addValue("actor", actor)
                .addValue("actorName", actorName, Types.VARCHAR)
                .addValue("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("reason", reason, Types.VARCHAR)
                .addValue("backMove", backMove, Types.BOOLEAN));
    }

    /** A moment as PostgreSQL's timestamptz takes it, in UTC, as Hibernate binds an entity's {@code Instant}. */
    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** The case if this transaction's persistence context holds it already; never a query. */
    private SupportCase heldByThisTransaction(UUID caseId) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(SupportCase.class);
        return (SupportCase) session.getPersistenceContextInternal().getEntity(session.generateEntityKey(caseId, persister));
    }

    /**
     * Who the engine works for: the actor of {@link EngineActor} (an API call), else an engine authentication (none
     * of ours sets one since decision 0060; kept so an authenticated engine call is still named), else the system
     * (timers, jobs).
     */
    private static String engineUser(DelegateExecution execution) {
        return EngineActor.current().orElseGet(() -> {
            Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            return authentication == null || authentication.getUserId() == null
                    ? RouteVariables.SYSTEM_ACTOR
                    : authentication.getUserId();
        });
    }

    /**
     * The key of whoever moves the case: the signed-in user's sub when a request moves it (the engine runs
     * in the request's thread), else the engine's user (the system, the demo loader).
     */
    private static String actorId(String engineUser) {
        return CurrentUser.current().map(CurrentUser::id).orElse(engineUser);
    }

    private static String actorName(String engineUser) {
        return CurrentUser.current().map(CurrentUser::username).orElse(null);
    }

    /** The first entry, written when the case is opened (before the engine starts the route). */
    void recordOpening(SupportCase supportCase, String actor, String reason) {
        append(supportCase.getId(), null, supportCase.getCurrentStage(), actorId(actor), actorName(actor),
                supportCase.getOpenedAt(), reason, false);
        events.publishEvent(new CaseMoved(supportCase.getId(), null, supportCase.getCurrentStage(), supportCase.getOpenedAt()));
    }
}
