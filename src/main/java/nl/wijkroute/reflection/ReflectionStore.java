package nl.wijkroute.reflection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The reflection tables (V37) in SQL: sessions, participants, scores, notes, actions and knelpunten. Scores
 * are only ever read together with the perspective of whoever gave them, never with the participant.
 */
@Repository
class ReflectionStore {

    record SessionRow(UUID id, ScopeType scopeType, String scopeId, SessionForm form, LocalDate date, String facilitator,
                      String organisedBy, UUID previousSessionId, SessionStatus status, Instant scoringClosesAt,
                      LocalDate evidenceFrom, LocalDate evidenceTo, String evidence, Instant evidenceFrozenAt,
                      List<ReflectionTheme> chosenThemes, Instant createdAt, Instant closedAt) {
    }

    record ParticipantRow(UUID id, UUID sessionId, String userId, Perspective perspective, String discipline) {
    }

    private static final TypeReference<List<ReflectionTheme>> THEMES = new TypeReference<>() {
    };
    private static final TypeReference<List<ReflectionDtos.Stelling>> STELLINGEN = new TypeReference<>() {
    };
    private static final String SESSION_COLUMNS = """
            id, scope_type, scope_id, form, session_date, facilitator, organised_by, previous_session_id, status,
            scoring_closes_at, evidence_from, evidence_to, evidence::text as evidence, evidence_frozen_at,
            chosen_themes::text as chosen_themes, created_at, closed_at""";
    private static final String ACTION_COLUMNS = """
            id, session_id, theme, goal, tomorrow, needs, owner, start_date, evaluation_date, policy_change_needed,
            policy_owner, status, evaluation, evaluated_at, reminders""";
    /** The same scope: a municipality session has no scope id. */
    private static final String SAME_SCOPE = "scope_type = ? and coalesce(scope_id, '') = coalesce(?, '')";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ReflectionStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // Sessions

    void insertSession(SessionRow s) {
        jdbc.update("""
                insert into reflection_session (id, scope_type, scope_id, form, session_date, facilitator, organised_by,
                    previous_session_id, status, scoring_closes_at, evidence_from, evidence_to, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                s.id(), s.scopeType().name(), s.scopeId(), s.form().name(), s.date(), s.facilitator(), s.organisedBy(),
                s.previousSessionId(), s.status().name(), Timestamp.from(s.scoringClosesAt()), s.evidenceFrom(),
                s.evidenceTo(), Timestamp.from(s.createdAt()));
    }

    Optional<SessionRow> session(UUID id) {
        return jdbc.query("select " + SESSION_COLUMNS + " from reflection_session where id = ?", this::sessionRow, id)
                .stream().findFirst();
    }

    /** The session, locked until the transaction ends: a step and a concurrent score wait for each other. */
    Optional<SessionRow> sessionForUpdate(UUID id) {
        return jdbc.query("select " + SESSION_COLUMNS + " from reflection_session where id = ? for update",
                this::sessionRow, id).stream().findFirst();
    }

    /** The latest earlier session of the same scope (by date, then creation). */
    Optional<UUID> previousSession(ScopeType scopeType, String scopeId, LocalDate date) {
        return jdbc.queryForList("select id from reflection_session where " + SAME_SCOPE
                + " and session_date <= ? order by session_date desc, created_at desc limit 1", UUID.class,
                scopeType.name(), scopeId, date).stream().findFirst();
    }

    /** Sessions of one scope in date order (for the trend). */
    List<SessionRow> sessionsOfScope(ScopeType scopeType, String scopeId) {
        return jdbc.query("select " + SESSION_COLUMNS + " from reflection_session where " + SAME_SCOPE
                + " order by session_date, created_at", this::sessionRow, scopeType.name(), scopeId);
    }

    /** A page of sessions: all for an organiser, else those the user facilitates or is invited to. */
    List<SessionRow> sessions(String userId, boolean all, int offset, int limit) {
        return jdbc.query("select " + SESSION_COLUMNS + " from reflection_session s where ? or s.facilitator = ? "
                + "or exists (select 1 from reflection_participant p where p.session_id = s.id and p.user_id = ?) "
                + "order by session_date desc, id limit ? offset ?", this::sessionRow, all, userId, userId, limit, offset);
    }

    long countSessions(String userId, boolean all) {
        return jdbc.queryForObject("select count(*) from reflection_session s where ? or s.facilitator = ? "
                + "or exists (select 1 from reflection_participant p where p.session_id = s.id and p.user_id = ?)",
                Long.class, all, userId, userId);
    }

    void status(UUID id, SessionStatus status, Instant at) {
        jdbc.update("update reflection_session set status = ?, closed_at = case when ? = 'CLOSED' then ? else closed_at end "
                + "where id = ?", status.name(), status.name(), Timestamp.from(at), id);
    }

    void freezeEvidence(UUID id, Object evidence, Instant at) {
        jdbc.update("update reflection_session set evidence = ?::jsonb, evidence_frozen_at = ? where id = ? "
                + "and evidence_frozen_at is null", write(evidence), Timestamp.from(at), id);
    }

    void chooseThemes(UUID id, List<ReflectionTheme> themes) {
        jdbc.update("update reflection_session set chosen_themes = ?::jsonb where id = ?", write(themes), id);
    }

    // Participants

    void insertParticipant(ParticipantRow p, String invitedBy, Instant at) {
        jdbc.update("""
                insert into reflection_participant (id, session_id, user_id, perspective, discipline, invited_by, invited_at)
                values (?, ?, ?, ?, ?, ?, ?)""", p.id(), p.sessionId(), p.userId(), p.perspective().name(), p.discipline(),
                invitedBy, Timestamp.from(at));
    }

    List<ParticipantRow> participants(UUID sessionId) {
        return jdbc.query("select id, session_id, user_id, perspective, discipline from reflection_participant "
                + "where session_id = ? order by invited_at, id", (rs, i) -> new ParticipantRow(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getString(3), Perspective.valueOf(rs.getString(4)), rs.getString(5)), sessionId);
    }

    // Scores

    void replaceScores(UUID participantId, UUID sessionId, Map<ReflectionTheme, Integer> scores, Instant at) {
        jdbc.update("delete from reflection_score where participant_id = ?", participantId);
        jdbc.batchUpdate("insert into reflection_score (participant_id, session_id, theme, score, scored_at) values (?, ?, ?, ?, ?)",
                scores.entrySet().stream().map(e -> new Object[] {participantId, sessionId, e.getKey().name(), e.getValue(),
                        Timestamp.from(at)}).toList());
    }

    /** Every score of the session with the perspective of its giver, in no particular person's order. */
    List<ReflectionResults.Score> scores(UUID sessionId) {
        return jdbc.query("""
                select s.theme, p.perspective, s.score from reflection_score s
                join reflection_participant p on p.id = s.participant_id
                where s.session_id = ? order by s.theme, s.score""",
                (rs, i) -> new ReflectionResults.Score(ReflectionTheme.valueOf(rs.getString(1)),
                        Perspective.valueOf(rs.getString(2)), rs.getInt(3)), sessionId);
    }

    int scoredParticipants(UUID sessionId) {
        return jdbc.queryForObject("select count(distinct participant_id) from reflection_score where session_id = ?",
                Integer.class, sessionId);
    }

    boolean hasScored(UUID participantId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from reflection_score where participant_id = ?)", Boolean.class, participantId));
    }

    // Notes

    void upsertNote(UUID sessionId, ReflectionTheme theme, ReflectionDtos.NoteInput note, String by, Instant at) {
        jdbc.update("""
                insert into reflection_note (id, session_id, theme, knelpunten, stellingen, casus, oplossingsrichtingen,
                    updated_by, updated_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                on conflict (session_id, theme) do update set knelpunten = excluded.knelpunten,
                    stellingen = excluded.stellingen, casus = excluded.casus,
                    oplossingsrichtingen = excluded.oplossingsrichtingen, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""",
                UUID.randomUUID(), sessionId, theme.name(), note.knelpunten(),
                write(note.stellingen() == null ? List.of() : note.stellingen()), note.casus(), note.oplossingsrichtingen(),
                by, Timestamp.from(at));
    }

    List<ReflectionDtos.NoteView> notes(UUID sessionId) {
        return jdbc.query("select theme, knelpunten, stellingen::text, casus, oplossingsrichtingen, updated_at "
                + "from reflection_note where session_id = ? order by theme", (rs, i) -> new ReflectionDtos.NoteView(
                ReflectionTheme.valueOf(rs.getString(1)), rs.getString(2), read(rs.getString(3), STELLINGEN),
                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()), sessionId);
    }

    // Actions

    void insertAction(UUID id, UUID sessionId, ReflectionDtos.ActionInput a, LocalDate start, LocalDate evaluation,
                      String by, Instant at) {
        jdbc.update("""
                insert into reflection_action (id, session_id, theme, goal, tomorrow, needs, owner, start_date,
                    evaluation_date, policy_change_needed, policy_owner, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""",
                id, sessionId, a.theme().name(), a.goal(), a.tomorrow(), a.needs(), a.owner(), start, evaluation,
                ReflectionDtos.policyChange(a), a.policyOwner(), by, Timestamp.from(at));
    }

    Optional<ReflectionDtos.ActionView> action(UUID id, LocalDate today) {
        return jdbc.query("select " + ACTION_COLUMNS + " from reflection_action where id = ?", actionRow(today), id)
                .stream().findFirst();
    }

    void evaluate(UUID id, String evaluation, String by, Instant at) {
        jdbc.update("update reflection_action set status = 'EVALUATED', evaluation = ?, evaluated_by = ?, evaluated_at = ? "
                + "where id = ?", evaluation, by, Timestamp.from(at), id);
    }

    List<ReflectionDtos.ActionView> actions(UUID sessionId, LocalDate today) {
        return jdbc.query("select " + ACTION_COLUMNS + " from reflection_action where session_id = ? "
                + "order by evaluation_date, id", actionRow(today), sessionId);
    }

    /** Open actions of earlier sessions of the same scope: they carry into this session. */
    List<ReflectionDtos.ActionView> carriedOver(SessionRow session, LocalDate today) {
        return jdbc.query("select " + ACTION_COLUMNS + " from reflection_action a where a.status = 'OPEN' "
                + "and a.session_id in (select id from reflection_session where " + SAME_SCOPE + " and id <> ? "
                + "and (session_date < ? or (session_date = ? and created_at < ?))) order by evaluation_date, id",
                actionRow(today), session.scopeType().name(), session.scopeId(), session.id(), session.date(),
                session.date(), Timestamp.from(session.createdAt()));
    }

    List<ReflectionDtos.ActionView> openActions(LocalDate today, boolean overdueOnly, int offset, int limit) {
        return jdbc.query("select " + ACTION_COLUMNS + " from reflection_action where status = 'OPEN' "
                + "and (not ? or evaluation_date < ?) order by evaluation_date, id limit ? offset ?", actionRow(today),
                overdueOnly, today, limit, offset);
    }

    long countOpenActions(LocalDate today, boolean overdueOnly) {
        return jdbc.queryForObject("select count(*) from reflection_action where status = 'OPEN' "
                + "and (not ? or evaluation_date < ?)", Long.class, overdueOnly, today);
    }

    /** The weekly reminder: counts once more on every overdue open action of the session. */
    int remindOverdue(UUID sessionId, LocalDate today, Instant at) {
        return jdbc.update("update reflection_action set reminders = reminders + 1, last_reminded_at = ? "
                + "where session_id = ? and status = 'OPEN' and evaluation_date < ?", Timestamp.from(at), sessionId, today);
    }

    // Knelpunten

    void insertKnelpunt(UUID id, ReflectionDtos.KnelpuntInput k, String by, Instant at) {
        jdbc.update("""
                insert into reflection_knelpunt (id, theme, scope_type, scope_id, description, filed_by, filed_at)
                values (?, ?, ?, ?, ?, ?, ?)""", id, k.theme().name(), k.scopeType().name(), k.scopeId(), k.description(),
                by, Timestamp.from(at));
    }

    /** Knelpunten of the scope filed since the given moment (the previous session), up to the given one. */
    List<ReflectionDtos.KnelpuntView> knelpunten(ScopeType scopeType, String scopeId, Instant since, Instant until) {
        return jdbc.query("select id, theme, scope_type, scope_id, description, filed_at from reflection_knelpunt where "
                + SAME_SCOPE + " and filed_at >= ? and filed_at < ? order by theme, filed_at",
                (rs, i) -> new ReflectionDtos.KnelpuntView(rs.getObject(1, UUID.class), ReflectionTheme.valueOf(rs.getString(2)),
                        ScopeType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()),
                scopeType.name(), scopeId, Timestamp.from(since), Timestamp.from(until));
    }

    // Mapping

    private SessionRow sessionRow(ResultSet rs, int row) throws SQLException {
        Timestamp frozen = rs.getTimestamp("evidence_frozen_at");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new SessionRow(rs.getObject("id", UUID.class), ScopeType.valueOf(rs.getString("scope_type")),
                rs.getString("scope_id"), SessionForm.valueOf(rs.getString("form")),
                rs.getObject("session_date", LocalDate.class), rs.getString("facilitator"), rs.getString("organised_by"),
                rs.getObject("previous_session_id", UUID.class), SessionStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("scoring_closes_at").toInstant(), rs.getObject("evidence_from", LocalDate.class),
                rs.getObject("evidence_to", LocalDate.class), rs.getString("evidence"),
                frozen == null ? null : frozen.toInstant(), read(rs.getString("chosen_themes"), THEMES),
                rs.getTimestamp("created_at").toInstant(), closed == null ? null : closed.toInstant());
    }

    private static RowMapper<ReflectionDtos.ActionView> actionRow(LocalDate today) {
        return (rs, i) -> {
            LocalDate evaluation = rs.getObject("evaluation_date", LocalDate.class);
            String status = rs.getString("status");
            Timestamp evaluatedAt = rs.getTimestamp("evaluated_at");
            return new ReflectionDtos.ActionView(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
                    ReflectionTheme.valueOf(rs.getString("theme")), rs.getString("goal"), rs.getString("tomorrow"),
                    rs.getString("needs"), rs.getString("owner"), rs.getObject("start_date", LocalDate.class), evaluation,
                    rs.getBoolean("policy_change_needed"), rs.getString("policy_owner"), status, rs.getString("evaluation"),
                    evaluatedAt == null ? null : evaluatedAt.toInstant(),
                    "OPEN".equals(status) && evaluation.isBefore(today), rs.getInt("reminders"));
        };
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write reflection json", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return value == null ? null : json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read reflection json", e);
        }
    }
}
