package nl.wijkroute.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.wijkroute.deadline.LegalTerm;
import nl.wijkroute.escalation.EscalationCause;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard benchmark's history, bulk-loaded into its own embedded PostgreSQL: every kind of row an
 * indicator reads (cases and their households, signals, step history and stage stays, escalations with
 * doorbraken, warme overdrachten, toegang requests with their legal terms, returning households), over
 * {@code spanDays} across 20 teams and 40 wijken. Not the demo's {@code SyntheticHistory}: that one
 * writes into a live dev database through the application's triggers; this one may do what only a
 * throw-away database allows.
 *
 * <p>Why so: loaded row by row through the triggers (recurrence flag, scope copies, the stage-stay
 * projection) and the foreign-key checks, and into 30 indexes, a million cases took more than 22
 * minutes. Here one transaction runs with {@code session_replication_role = replica} (no triggers, no
 * foreign-key checks), writes the columns those triggers would have written itself, set-based — the
 * scope copies, the stays, the recurrence flag (as V9 and V12 do for existing rows) — drops the
 * secondary indexes of the loaded tables and builds them again after the load (one sort each instead
 * of 60 million random index insertions). Constraint indexes (primary keys) stay. The rebuilt unique
 * indexes check the data as the application would (one open case per household, one open escalation
 * per case), and {@link #check()} verifies what the triggers would have guaranteed.
 *
 * <p>Distributions: 30 % of cases are toegeleid after triage, 60 % go the whole route (regie and
 * evaluatie twice), 5 % pass veiligheid and 5 % move back once; 85 % of cases end within 5–45 days
 * (toeleiding) or 30–530 days (skewed short), the rest stay open in a random step of their route; a
 * tenth of ended households return within 20–520 days; 20 % of cases get a second signal. Of the cases
 * that reached regie, 8 % are escalated (80 % reach a doorbraak; the recent ones of open cases are still
 * open, taken or at their doorbraak) and 15 % handed over warmly (accepted, declined, withdrawn, the
 * recent ones proposed); a quarter of all cases has a toegang request under one of four laws, decided in
 * 30–130 % of the legal term (so about a quarter late), the recent ones still running or suspended.
 * Random numbers are seeded: the same size gives the same shape.
 */
final class DashboardBenchmarkHistory {

    /** Every table an indicator or business gauge reads, and what the load writes. */
    static final List<String> TABLES = List.of("household", "support_case", "signal", "step_history", "stage_stay",
            "escalation", "handover", "toegang_request", "legal_deadline", "toegang_bezwaar", "triage_assessment", "meldcode_entry",
            "toeleiding_trace", "plan", "plan_version", "plan_goal_evaluation", "regie_assignment", "leefgebied_assessment",
            "leefgebied_score_cell");

    /** The relative frequency of each cause (detected stagnation needs a stagnation signal: not generated). */
    private static final Map<EscalationCause, Integer> CAUSE_WEIGHTS = new LinkedHashMap<>();

    static {
        CAUSE_WEIGHTS.put(EscalationCause.PARTIES_WAIT_FOR_EACH_OTHER, 4);
        CAUSE_WEIGHTS.put(EscalationCause.FINANCING_CONFLICT, 3);
        CAUSE_WEIGHTS.put(EscalationCause.COLLIDING_LAWS, 2);
        CAUSE_WEIGHTS.put(EscalationCause.NO_FITTING_PROVISION, 2);
        CAUSE_WEIGHTS.put(EscalationCause.HOUSEHOLD_DECLINES, 2);
        CAUSE_WEIGHTS.put(EscalationCause.SAFETY, 1);
        CAUSE_WEIGHTS.put(EscalationCause.COLLIDING_VALUES, 1);
        CAUSE_WEIGHTS.put(EscalationCause.FORCING_SYSTEMS, 1);
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Map<String, Long> stepMillis = new LinkedHashMap<>();

    DashboardBenchmarkHistory(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** How long each step of the last {@link #fill} took, in milliseconds, in order. */
    Map<String, Long> stepMillis() {
        return stepMillis;
    }

    /** Fills the database in one transaction (all or nothing) and vacuums it as autovacuum would have. */
    void fill(int cases, int spanDays, Instant now) {
        // The server of this throw-away database only: fewer checkpoints (and full-page writes) during the load.
        jdbc.getJdbcOperations().execute("alter system set max_wal_size = '8GB'");
        jdbc.getJdbcOperations().execute("alter system set checkpoint_timeout = '30min'");
        jdbc.getJdbcOperations().queryForObject("select pg_reload_conf()", Boolean.class);
        MapSqlParameterSource params = new MapSqlParameterSource("cases", cases).addValue("span", spanDays)
                .addValue("now", Timestamp.from(now));
        transaction.executeWithoutResult(status -> load(params));
        for (String table : TABLES) {
            step("vacuum analyze " + table, () -> jdbc.getJdbcOperations().execute("vacuum analyze " + table));
        }
    }

    private void load(MapSqlParameterSource params) {
        var sql = jdbc.getJdbcOperations();
        sql.execute("set local session_replication_role = replica");
        sql.execute("set local work_mem = '256MB'");
        sql.execute("set local maintenance_work_mem = '512MB'");
        sql.execute("select setseed(0.2026)");
        sql.execute("create table benchmark_fill (cases int not null, span_days int not null, filled_at timestamptz not null, "
                + "seconds numeric)");
        jdbc.update("insert into benchmark_fill (cases, span_days, filled_at) values (:cases, :span, :now)", params);
        sql.execute("insert into team (id, name) select 'bench-team-' || g, 'Benchmarkteam ' || g from generate_series(1, 20) g");
        sql.execute("insert into wijk (id, name, team_id) select 'bench-wijk-' || g, 'Benchmarkwijk ' || g, "
                + "'bench-team-' || ((g - 1) % 20 + 1) from generate_series(1, 40) g");
        sql.execute("insert into organisation (id, name, type) select 'bench-partner-' || g, 'Benchmarkpartner ' || g, 'OVERIG' "
                + "from generate_series(1, 8) g");
        sql.execute("""
                create temporary table bench_path (path int primary key, stages varchar(32)[] not null) on commit drop""");
        sql.execute("""
                insert into bench_path values
                 (1, array['SIGNALEREN', 'TRIAGE', 'TOELEIDING', 'AFGESLOTEN']),
                 (2, array['SIGNALEREN', 'TRIAGE', 'VRAAGVERHELDERING', 'PLAN', 'REGIE', 'EVALUATIE', 'REGIE', 'EVALUATIE',
                           'NAZORG', 'AFGESLOTEN']),
                 (3, array['SIGNALEREN', 'TRIAGE', 'VEILIGHEID', 'VRAAGVERHELDERING', 'PLAN', 'REGIE', 'EVALUATIE', 'NAZORG',
                           'AFGESLOTEN']),
                 (4, array['SIGNALEREN', 'TRIAGE', 'VRAAGVERHELDERING', 'TRIAGE', 'VRAAGVERHELDERING', 'PLAN', 'REGIE',
                           'EVALUATIE', 'NAZORG', 'AFGESLOTEN'])""");
        // Unlogged, not temporary: temporary tables live in the session's small local buffers.
        sql.execute("""
                create unlogged table bench_case (g int, case_id uuid, household_id uuid, wijk_id varchar(64), team_id varchar(64),
                    opened_at timestamptz, closed_at timestamptz, path int, moves int, last_move_at timestamptz, seed bigint,
                    recurred boolean not null default false)""");
        step("cases (staging)", () -> jdbc.update("""
                insert into bench_case (g, case_id, household_id, wijk_id, team_id, opened_at, closed_at, path, moves, last_move_at, seed)
                select g, case_id, household_id, wijk_id, team_id, opened_at, closed_at, path,
                       case when closed_at is not null then len else 1 + floor(random() * (len - 1))::int end,
                       coalesce(closed_at, opened_at + (cast(:now as timestamptz) - opened_at) * random()),
                       floor(random() * 1000000000)::bigint
                from (select b.g, gen_random_uuid() as case_id, gen_random_uuid() as household_id, w.id as wijk_id, w.team_id,
                             b.opened_at, b.path, cardinality(p.stages) as len,
                             case when b.r < 0.85 and b.opened_at + b.lead < :now then b.opened_at + b.lead end as closed_at
                      from (select g, cast(:now as timestamptz) - random() * :span * interval '1 day' as opened_at, random() as r,
                                   case when p < 0.30 then 1 when p < 0.90 then 2 when p < 0.95 then 3 else 4 end as path,
                                   (case when p < 0.30 then 5 + random() * 40 else 30 + random() * random() * 500 end)
                                       * interval '1 day' as lead
                            from (select g, random() as p from generate_series(1, :cases) g) x) b
                      join (select id, team_id, row_number() over (order by id) - 1 as n from wijk where id like 'bench-wijk-%') w
                        on w.n = b.g % 40
                      join bench_path p on p.path = b.path) c
                """, params));
        step("returning households (staging)", () -> jdbc.update("""
                insert into bench_case (g, case_id, household_id, wijk_id, team_id, opened_at, closed_at, path, moves, last_move_at, seed)
                select g, case_id, household_id, wijk_id, team_id, opened_at, closed_at, path,
                       case when closed_at is not null then len else 1 + floor(random() * (len - 1))::int end,
                       coalesce(closed_at, opened_at + (cast(:now as timestamptz) - opened_at) * random()),
                       floor(random() * 1000000000)::bigint
                from (select r.g, gen_random_uuid() as case_id, r.household_id, r.wijk_id, r.team_id, r.opened_at, r.path,
                             cardinality(p.stages) as len,
                             case when r.x < 0.85 and r.opened_at + r.lead < :now then r.opened_at + r.lead end as closed_at
                      from (select g + :cases as g, household_id, wijk_id, team_id,
                                   closed_at + (20 + random() * 500) * interval '1 day' as opened_at, random() as x,
                                   case when random() < 0.5 then 1 else 2 end as path,
                                   (30 + random() * random() * 500) * interval '1 day' as lead
                            from bench_case where closed_at is not null and random() < 0.10) r
                      join bench_path p on p.path = r.path
                      where r.opened_at < :now) c
                """, params));
        sql.execute("analyze bench_case");
        // What the recurrence trigger marks when the later case opens (V12 did the same for existing cases).
        step("recurrence flags (staging)", () -> jdbc.update("""
                update bench_case c set recurred = true from bench_case later
                where later.household_id = c.household_id and later.g > :cases and c.g <= :cases
                  and later.opened_at <= c.closed_at + interval '12 months'
                """, params));
        dropSecondaryIndexes();
        step("household", () -> jdbc.update("""
                insert into household (id, display_name, wijk_id, created_at)
                select household_id, 'Benchmarkhuishouden ' || g, wijk_id, opened_at from bench_case where g <= :cases order by opened_at
                """, params));
        step("support_case", () -> jdbc.update("""
                insert into support_case (id, household_id, team_id, wijk_id, status, current_stage, stage_entered_at, opened_at,
                                          closed_at, recurred_within_12_months)
                select c.case_id, c.household_id, c.team_id, c.wijk_id,
                       case when c.closed_at is not null then 'CLOSED' when p.stages[c.moves] = 'NAZORG' then 'NAZORG' else 'OPEN' end,
                       case when c.closed_at is not null then 'AFGESLOTEN' else p.stages[c.moves] end, c.last_move_at,
                       c.opened_at, c.closed_at, c.recurred
                from bench_case c join bench_path p on p.path = c.path order by c.opened_at
                """, params));
        step("signal", () -> jdbc.update("""
                insert into signal (id, case_id, household_id, team_id, wijk_id, source_type, description, urgency, safety_concern,
                                    received_at, registered_by)
                select gen_random_uuid(), case_id, household_id, team_id, wijk_id,
                       case when pick < 0.35 then 'PARTNER' when pick < 0.6 then 'FRONTOFFICE' when pick < 0.8 then 'RESIDENT'
                            else 'OWN_OBSERVATION' end,
                       'Benchmarksignaal',
                       case when path = 3 then 'HIGH' when pick2 < 0.1 then 'LOW' when pick2 < 0.95 then 'NORMAL' else 'HIGH' end,
                       path = 3, received_at, 'benchmark'
                from (select case_id, household_id, team_id, wijk_id, path, opened_at as received_at, random() as pick,
                             random() as pick2, opened_at
                      from bench_case
                      union all
                      select case_id, household_id, team_id, wijk_id, path, opened_at + random() * interval '5 days', random(),
                             random(), opened_at
                      from bench_case where random() < 0.2) s
                where s.received_at < :now order by s.opened_at
                """, params));
        // Move k of n happens at a fraction of the case's time between its first and its last move: evenly
        // spaced, each shifted by a pseudo-random 0–0.9 step from (case seed, k), so stays differ in length
        // and the stage-stay load can compute a stay's end (move k + 1) without reading the step history back.
        // Float arithmetic throughout: a literal like 1048576.0 would make it numeric, several times slower per row.
        String movedAt = """
                c.opened_at + (c.last_move_at - c.opened_at) * case when %1$s = 1 then 0 when %1$s = c.moves then 1
                    else (%1$s - 1 + cast(((c.seed + %1$s * 40503) * 2654435761) %% 1048576 as float8) * 0.9 / 1048576)
                         / (c.moves - 1) end""";
        step("step_history", () -> jdbc.update("""
                insert into step_history (case_id, from_stage, to_stage, actor, moved_at, reason, back_move)
                select c.case_id, case when k > 1 then p.stages[k - 1] end, p.stages[k], 'benchmark', %s,
                       case when b.back then 'Terug (benchmark)' end, b.back
                from (select * from bench_case order by opened_at) c
                join bench_path p on p.path = c.path
                cross join lateral generate_series(1, c.moves) k
                cross join lateral (select k > 1 and (p.stages[k - 1], p.stages[k]) in
                        (('VRAAGVERHELDERING', 'TRIAGE'), ('PLAN', 'VRAAGVERHELDERING'), ('REGIE', 'PLAN')) as back) b
                """.formatted(movedAt.formatted("k")), params));
        step("stage_stay", () -> jdbc.update("""
                insert into stage_stay (case_id, team_id, wijk_id, stage, entered_at, left_at, duration_seconds)
                select c.case_id, c.team_id, c.wijk_id, p.stages[k], m.entered_at, m.left_at, date_part('epoch', m.left_at - m.entered_at)
                from (select * from bench_case order by opened_at) c
                join bench_path p on p.path = c.path
                cross join lateral generate_series(1, c.moves) k
                cross join lateral (select %s as entered_at, case when k < c.moves then %s end as left_at) m
                where p.stages[k] <> 'AFGESLOTEN'
                """.formatted(movedAt.formatted("k"), movedAt.formatted("(k + 1)")), params));
        step("escalation", () -> escalations(params));
        step("handover", () -> handovers(params));
        step("toegang_request, legal_deadline", () -> toegang(params));
        step("toegang_bezwaar", () -> bezwaren(params));
        step("triage_assessment, meldcode_entry", () -> safety(params));
        step("toeleiding_trace", () -> toeleiding(params));
        step("plan, plan_version, regie_assignment", () -> plans(params));
        step("plan_goal_evaluation, leefgebied_assessment", () -> evaluations(params));
        step("leefgebied_score_cell", this::scoreCells);
        step("plan_goal_evaluation.superseded_at", this::goalSupersession);
        step("toeleiding_trace.superseded_at", this::traceSupersession);
        recreateSecondaryIndexes();
        sql.execute("drop table bench_case");
    }

    /** Of the cases that reached regie, 8 %: most reached a doorbraak; recent ones of open cases are still running. */
    private void escalations(MapSqlParameterSource params) {
        String causes = CAUSE_WEIGHTS.entrySet().stream()
                .flatMap(entry -> java.util.Collections.nCopies(entry.getValue(), "'" + entry.getKey().name() + "'").stream())
                .collect(Collectors.joining(", "));
        jdbc.update("""
                insert into escalation (id, case_id, cause, description, source, raised_by, raised_at, status, procesregisseur,
                                        taken_at, doorbraak, deescalated_at, deescalation_note)
                select gen_random_uuid(), case_id, (array[%s])[1 + floor(random() * %d)::int], 'Benchmarkescalatie', 'WORKER',
                       'benchmark', raised_at, status, case when status <> 'OPEN' then 'benchmark-procesregisseur' end,
                       case when status <> 'OPEN' then raised_at + interval '1 day' end,
                       case when status in ('DOORBRAAK', 'DEESCALATED') and (status = 'DOORBRAAK' or pick < 0.8) then jsonb_build_object(
                           'casusoverlegAt', to_char(overleg_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                           'participants', jsonb_build_array('bench-partner-1', 'bench-partner-2'), 'decision', 'Benchmarkbesluit',
                           'payer', 'gemeente', 'payUntil', to_char(overleg_at + interval '90 days', 'YYYY-MM-DD'),
                           'followUpBefore', to_char(overleg_at + interval '14 days', 'YYYY-MM-DD')) end,
                       case when status = 'DEESCALATED' then least(cast(:now as timestamptz), overleg_at + interval '7 days') end, null
                from (select *, case when closed_at is null and overleg_at > cast(:now as timestamptz) - interval '30 days'
                                     then (array['OPEN', 'TAKEN', 'DOORBRAAK', 'DOORBRAAK'])[1 + floor(pick2 * 4)::int]
                                     else 'DEESCALATED' end as status
                      from (select case_id, closed_at, raised_at, random() as pick, random() as pick2,
                                   least(cast(:now as timestamptz), raised_at + (1 + random() * 20) * interval '1 day') as overleg_at
                            from (select case_id, closed_at,
                                         opened_at + (last_move_at - opened_at) * (0.3 + 0.6 * random()) as raised_at
                                  from bench_case where path > 1 and moves >= 5 and random() < 0.08) picked) timed) e
                """.formatted(causes, CAUSE_WEIGHTS.values().stream().mapToInt(Integer::intValue).sum()), params);
    }

    /** Of the cases that reached regie, 15 %: mostly accepted within days, some declined or withdrawn, the newest still proposed. */
    private void handovers(MapSqlParameterSource params) {
        jdbc.update("""
                insert into handover (id, case_id, scope, action_ids, sender, sender_organisation, receiver_organisation, summary,
                                      consent, status, overdue, accept_before, decided_by, decided_at, decline_reason, created_at)
                select gen_random_uuid(), case_id, case when pick2 < 0.7 then 'REGIE' else 'ACTIONS' end, '[]', 'benchmark', team_id,
                       'bench-partner-' || (1 + floor(pick2 * 8)::int), '{"assessments": [], "goals": []}',
                       jsonb_build_object('basis', 'CONSENT', 'givenAt', to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                          'form', 'IN_GESPREK', 'leefgebieden', jsonb_build_array('FINANCIEN')),
                       status, status = 'PROPOSED' and created_at + interval '7 days' < :now, created_at + interval '7 days',
                       case when status <> 'PROPOSED' then 'benchmark' end, case when status <> 'PROPOSED' then decided_at end,
                       case when status = 'DECLINED' then 'Past niet in het aanbod (benchmark)' end, created_at
                from (select *, case when decided_at > :now then 'PROPOSED' when pick < 0.82 then 'ACCEPTED'
                                     when pick < 0.96 then 'DECLINED' else 'WITHDRAWN' end as status
                      from (select case_id, team_id, created_at, random() as pick, random() as pick2,
                                   created_at + (2 + random() * random() * 200) * interval '1 hour' as decided_at
                            from (select case_id, team_id, opened_at + (last_move_at - opened_at) * (0.3 + 0.7 * random()) as created_at
                                  from bench_case where path > 1 and moves >= 5 and random() < 0.15) picked) timed) h
                """, params);
    }

    /** A quarter of the cases: one request under one of four laws with its legal term; decided, or still running. */
    private void toegang(MapSqlParameterSource params) {
        String terms = List.of(new Object[] {"WMO", LegalTerm.WMO_ONDERZOEK, 8}, new Object[] {"JEUGDWET", LegalTerm.JEUGDWET_BESLUIT, 5},
                        new Object[] {"PARTICIPATIEWET", LegalTerm.PARTICIPATIEWET_BESLUIT, 4},
                        new Object[] {"WGS", LegalTerm.WGS_EERSTE_GESPREK, 3}).stream()
                .map(row -> {
                    LegalTerm term = (LegalTerm) row[1];
                    return "('%s', '%s', %d, '%s', %d)".formatted(row[0], term.name(), term.amount() * 7,
                            term.legalBasis().replace("'", "''"), (Integer) row[2]);
                })
                .collect(Collectors.joining(", "));
        jdbc.getJdbcOperations().execute("""
                create temporary table bench_toegang (id uuid, case_id uuid, law varchar(24), term varchar(32), days int,
                    basis varchar(300), received_on date, due_on date, decided_on date, suspended boolean) on commit drop""");
        jdbc.update("""
                insert into bench_toegang (id, case_id, law, term, days, basis, received_on, due_on, decided_on, suspended)
                select gen_random_uuid(), c.case_id, t.law, t.term, t.days, t.basis, c.received_on, c.received_on + t.days,
                       c.received_on + floor((0.3 + c.pace) * t.days)::int, c.pace > 0.9
                from (select case_id, cast(opened_at + random() * interval '30 days' as date) as received_on, random() as pace,
                             random() * 20 as pick
                      from bench_case where random() < 0.25) c
                join (select law, term, days, basis, sum(weight) over (order by law) - weight as low, sum(weight) over (order by law) as high
                      from (values %s) v(law, term, days, basis, weight)) t on c.pick >= t.low and c.pick < t.high
                where c.received_on < cast(:now as date)
                """.formatted(terms), params);
        jdbc.update("""
                insert into toegang_request (id, case_id, law, provision, received_on, phase, outcome, decided_by, decided_at,
                                             requested_by, requested_at)
                select id, case_id, law, 'Benchmarkvoorziening', received_on,
                       case when decided then 'BESLOTEN' when received_on + days / 2 < cast(:now as date) then 'BESLUIT' else 'ONDERZOEK' end,
                       case when decided then (array['GRANTED', 'GRANTED', 'GRANTED', 'PARTLY', 'REFUSED'])[1 + floor(random() * 5)::int] end,
                       case when decided then 'benchmark' end, case when decided then decided_on + time '12:00' end,
                       'benchmark', received_on + time '09:00'
                from (select *, decided_on < cast(:now as date) as decided from bench_toegang) t
                """, params);
        jdbc.update("""
                insert into legal_deadline (id, case_id, toegang_request_id, term, legal_basis, received_on, due_on, warn_on, suspended_days,
                                            suspended_since, status, at_risk, breached, met_on, created_at)
                select gen_random_uuid(), case_id, id, term, basis, received_on, due_on, due_on - 7, 0,
                       case when not decided and suspended then least(received_on + 7, cast(:now as date)) end,
                       case when decided then 'MET' when suspended then 'SUSPENDED' else 'RUNNING' end,
                       not decided and due_on - 7 <= cast(:now as date),
                       case when decided then decided_on > due_on else due_on < cast(:now as date) end,
                       case when decided then decided_on end, received_on + time '09:00'
                from (select *, decided_on < cast(:now as date) as decided from bench_toegang) t
                """, params);
    }

    /** A third of the refused or partly granted requests: a bezwaar 20–60 days after the decision, a tenth of them late. */
    private void bezwaren(MapSqlParameterSource params) {
        jdbc.update("""
                insert into toegang_bezwaar (id, toegang_request_id, case_id, law, received_on, timely, advisory_committee,
                                             original_outcome, outcome, decided_by, decided_at, recorded_by, recorded_at)
                select gen_random_uuid(), id, case_id, law, received_on, pick >= 0.1, pick2 < 0.5, outcome,
                       case when decided then (array['GEGROND', 'ONGEGROND', 'ONGEGROND', 'NIET_ONTVANKELIJK', 'INGETROKKEN'])
                           [1 + floor(pick2 * 5)::int] end,
                       case when decided then 'benchmark' end, case when decided then received_on + 80 + time '12:00' end,
                       'benchmark', received_on + time '10:00'
                from (select id, case_id, law, outcome, cast(decided_at as date) + 20 + floor(random() * 40)::int as received_on,
                             random() as pick, random() as pick2
                      from toegang_request where outcome in ('REFUSED', 'PARTLY') and random() < 0.33) b,
                     lateral (select received_on + 80 < cast(:now as date) as decided) d
                where received_on < cast(:now as date)
                """, params);
    }

    /** The veiligheid route's cases: a triage that found a safety concern, and the meldcode's decision 2–20 days later. */
    private void safety(MapSqlParameterSource params) {
        jdbc.update("""
                insert into triage_assessment (id, case_id, urgency, safety_concern, problem_scope, route, summary, assessed_by, assessed_at)
                select gen_random_uuid(), case_id, 'HIGH', true, 'MULTIPLE', 'VEILIGHEID', 'Benchmarktriage', 'benchmark',
                       opened_at + interval '1 day'
                from bench_case where path = 3 and moves >= 3 and opened_at + interval '1 day' < :now
                """, params);
        jdbc.update("""
                insert into meldcode_entry (case_id, step, done_on, done_by, summary, decision, recorded_by, recorded_at)
                select case_id, 'BESLISSEN', cast(decided_at as date), 'benchmark', 'Benchmarkbesluit',
                       (array['MELDEN', 'HULP_ORGANISEREN', 'MELDEN_EN_HULP', 'GEEN'])[1 + floor(random() * 4)::int], 'benchmark', decided_at
                from (select case_id, opened_at + (2 + random() * 18) * interval '1 day' as decided_at
                      from bench_case where path = 3 and moves >= 4) d
                where decided_at < :now
                """, params);
    }

    /** The toeleiding route's cases that got there: connected (80 %, most in the voorliggend veld) or sent on. */
    private void toeleiding(MapSqlParameterSource params) {
        jdbc.update("""
                insert into toeleiding_trace (id, case_id, outcome, connection_kind, connected_to, in_voorliggend_veld,
                                              voorliggend_veld_used, recorded_by, recorded_at, team_id, wijk_id)
                select gen_random_uuid(), case_id, case when connected then 'CONNECTED' else 'NEEDS_FULL_ROUTE' end,
                       case when connected then 'VOORZIENING' end, case when connected then 'Benchmarkvoorziening' end,
                       connected and pick < 0.6, pick < 0.8, 'benchmark', last_move_at, team_id, wijk_id
                from (select case_id, last_move_at, team_id, wijk_id, random() < 0.8 as connected, random() as pick
                      from bench_case where path = 1 and moves >= 3) t
                """, params);
    }

    /**
     * The cases that reached the plan: one plan with one or two versions (two goals, each with a partner's
     * action), and their casusregie — a professional, a fifth handed on to a second one halfway.
     */
    private void plans(MapSqlParameterSource params) {
        jdbc.getJdbcOperations().execute("""
                create temporary table bench_plan on commit drop as
                select gen_random_uuid() as plan_id, case_id, household_id, team_id, wijk_id, closed_at, last_move_at,
                       opened_at + (last_move_at - opened_at) * 0.3 as plan_at, random() as pick,
                       1 + floor(random() * 8)::int as partner, moves
                from bench_case where path > 1 and moves >= 6""");
        jdbc.update("""
                insert into plan (id, household_id, case_id, status, current_version, created_at, closed_at)
                select plan_id, household_id, case_id, case when closed_at is null then 'ACTIVE' else 'CLOSED' end,
                       case when pick < 0.3 then 2 else 1 end, plan_at, closed_at
                from bench_plan
                """, params);
        jdbc.update("""
                insert into plan_version (plan_id, number, content, changed_by, changed_at)
                select plan_id, v, jsonb_build_object('goals', jsonb_build_array(
                           jsonb_build_object('id', gen_random_uuid(), 'leefgebied', 'FINANCIEN', 'actions', jsonb_build_array(
                               jsonb_build_object('id', gen_random_uuid(), 'ownerType', 'PARTNER', 'organisationId', 'bench-partner-' || partner))),
                           jsonb_build_object('id', gen_random_uuid(), 'leefgebied', 'HUISVESTING', 'actions', jsonb_build_array(
                               jsonb_build_object('id', gen_random_uuid(), 'ownerType', 'PARTNER',
                                                  'organisationId', 'bench-partner-' || (partner % 8 + 1)))))),
                       'benchmark-' || (1 + floor(random() * 200)::int),
                       plan_at + (last_move_at - plan_at) * (v - 1) * 0.5
                from bench_plan cross join lateral generate_series(1, case when pick < 0.3 then 2 else 1 end) v
                """, params);
        jdbc.update("""
                insert into regie_assignment (id, case_id, kind, holder_type, holder, holder_organisation, started_at, started_via, ended_at)
                select gen_random_uuid(), case_id, 'CASUSREGIE', 'PROFESSIONAL', 'benchmark-' || (1 + floor(random() * 200)::int),
                       team_id, started_at, 'TAKEN_WITHIN_TEAM', ended_at
                from (select case_id, team_id, plan_at as started_at,
                             case when pick < 0.2 then plan_at + (last_move_at - plan_at) * 0.5 else closed_at end as ended_at
                      from bench_plan
                      union all
                      select case_id, team_id, plan_at + (last_move_at - plan_at) * 0.5, closed_at
                      from bench_plan where pick < 0.2) r
                """, params);
    }

    /**
     * The cases of the plan that reached an evaluatie: both goals evaluated (a third evaluated twice), and two
     * leefgebieden of one member scored at vraagverheldering and again at the evaluatie.
     */
    private void evaluations(MapSqlParameterSource params) {
        jdbc.update("""
                insert into plan_goal_evaluation (id, case_id, plan_id, goal_id, leefgebied, attainment, evaluated_by, evaluated_at,
                                                  team_id, wijk_id)
                select gen_random_uuid(), p.case_id, p.plan_id, g.goal_id, g.leefgebied,
                       (array['ATTAINED', 'ATTAINED', 'PARTLY', 'NOT_ATTAINED'])[1 + floor(random() * 4)::int], 'benchmark',
                       p.plan_at + (p.last_move_at - p.plan_at) * e.at, p.team_id, p.wijk_id
                from bench_plan p
                cross join lateral (values (gen_random_uuid(), 'FINANCIEN'), (gen_random_uuid(), 'HUISVESTING')) g(goal_id, leefgebied)
                cross join lateral (select 0.6 as at union all select 0.9 where p.pick < 0.33) e
                where p.moves >= 7
                """, params);
        jdbc.update("""
                insert into leefgebied_assessment (id, case_id, member_id, leefgebied, score, assessed_by, assessed_at, moment, status)
                select gen_random_uuid(), case_id, member_id, leefgebied, score, 'benchmark', assessed_at, moment, 'ASSESSED'
                from (select p.case_id, p.member_id, l.leefgebied, m.moment,
                             case when m.moment = 'VRAAGVERHELDERING' then 1 + floor(random() * 3)::int
                                  else 2 + floor(random() * 4)::int end as score,
                             case when m.moment = 'VRAAGVERHELDERING' then p.plan_at - interval '7 days'
                                  else p.plan_at + (p.last_move_at - p.plan_at) * 0.6 end as assessed_at
                      from (select *, gen_random_uuid() as member_id from bench_plan where moves >= 7) p
                      cross join (values ('FINANCIEN'), ('HUISVESTING')) l(leefgebied)
                      cross join (values ('VRAAGVERHELDERING'), ('EVALUATIE')) m(moment)) a
                order by assessed_at
                """, params);
    }

    /**
     * The cells the trigger on leefgebied_assessment would have written (V68, decision 0062), set-based with the
     * migration's statement.
     */
    private void scoreCells() {
        jdbc.getJdbcOperations().execute("""
                insert into leefgebied_score_cell (case_id, member_id, leefgebied, first_score, first_seq, latest_score,
                                                   latest_seq, latest_at, scores, team_id, wijk_id)
                select a.*, c.team_id, c.wijk_id
                from (select case_id, member_id, leefgebied,
                             (array_agg(score order by seq))[1], min(seq),
                             (array_agg(score order by seq desc))[1], max(seq),
                             (array_agg(assessed_at order by seq desc))[1], count(*)
                      from leefgebied_assessment
                      where score is not null
                      group by case_id, member_id, leefgebied) a
                join bench_case c on c.case_id = a.case_id""");
        // The previous re-scored cell of the case's leefgebied, as V76's trigger writes it (decision 0066).
        jdbc.getJdbcOperations().execute("""
                update leefgebied_score_cell c set earlier_at = n.earlier_at
                from (select case_id, member_id, leefgebied,
                             lag(latest_at) over (partition by case_id, leefgebied order by latest_at, member_id) as earlier_at
                      from leefgebied_score_cell where scores >= 2) n
                where n.case_id = c.case_id and n.member_id = c.member_id and n.leefgebied = c.leefgebied
                  and n.earlier_at is not null""");
    }

    /**
     * When each goal was evaluated next, as the trigger on plan_goal_evaluation would have written it (V72, decision
     * 0064), set-based with the migration's statement.
     */
    private void goalSupersession() {
        jdbc.getJdbcOperations().execute("""
                update plan_goal_evaluation e set superseded_at = t.next_at
                from (select case_id, goal_id, evaluated_at,
                             lead(evaluated_at) over (partition by case_id, goal_id order by evaluated_at) as next_at
                      from (select distinct case_id, goal_id, evaluated_at from plan_goal_evaluation) d) t
                where t.case_id = e.case_id and t.goal_id = e.goal_id and t.evaluated_at = e.evaluated_at
                  and t.next_at is not null""");
    }

    /**
     * When each case next passed the toeleiding, as the trigger on toeleiding_trace would have written it (V75, decision
     * 0066), set-based with the migration's statement (this history has one trace per case, so it writes nothing).
     */
    private void traceSupersession() {
        jdbc.getJdbcOperations().execute("""
                update toeleiding_trace t set superseded_at = n.next_at
                from (select case_id, recorded_at, lead(recorded_at) over (partition by case_id order by recorded_at) as next_at
                      from (select distinct case_id, recorded_at from toeleiding_trace) d) n
                where n.case_id = t.case_id and n.recorded_at = t.recorded_at and n.next_at is not null""");
    }

    private void dropSecondaryIndexes() {
        var sql = jdbc.getJdbcOperations();
        sql.execute("""
                create temporary table bench_index on commit drop as
                select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
                from pg_index i join pg_class t on t.oid = i.indrelid
                where t.relnamespace = 'public'::regnamespace and t.relname in (%s)
                  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                """.formatted(TABLES.stream().map(table -> "'" + table + "'").collect(Collectors.joining(", "))));
        sql.queryForList("select name from bench_index", String.class).forEach(index -> sql.execute("drop index " + index));
    }

    private void recreateSecondaryIndexes() {
        var sql = jdbc.getJdbcOperations();
        sql.queryForList("select name || '|' || definition from bench_index order by name", String.class).forEach(row -> {
            String[] parts = row.split("\\|", 2);
            step("index " + parts[0], () -> sql.execute(parts[1]));
        });
    }

    /**
     * What the triggers and foreign keys would have guaranteed, checked after the load: each count must be
     * zero. Keyed by what is wrong.
     */
    Map<String, Long> check() {
        Map<String, Long> wrong = new LinkedHashMap<>();
        wrong.put("open cases without exactly one open stay", count("""
                select count(*) from support_case c where c.status <> 'CLOSED' and c.team_id like 'bench-team-%'
                  and (select count(*) from stage_stay s where s.case_id = c.id and s.left_at is null) <> 1"""));
        wrong.put("open stays of closed cases", count("""
                select count(*) from stage_stay s join support_case c on c.id = s.case_id where s.left_at is null and c.status = 'CLOSED'"""));
        wrong.put("stays whose team or wijk differs from their case's", count("""
                select count(*) from stage_stay s join support_case c on c.id = s.case_id
                where s.team_id <> c.team_id or s.wijk_id <> c.wijk_id"""));
        wrong.put("signals whose team or wijk differs from their case's", count("""
                select count(*) from signal s join support_case c on c.id = s.case_id where s.team_id <> c.team_id or s.wijk_id <> c.wijk_id"""));
        wrong.put("cases whose wijk differs from their household's", count("""
                select count(*) from support_case c join household h on h.id = c.household_id where c.wijk_id <> h.wijk_id"""));
        wrong.put("stays and moves that do not match", count("""
                select abs((select count(*) from stage_stay) - (select count(*) from step_history where to_stage <> 'AFGESLOTEN'))"""));
        wrong.put("score cells that differ from their scores", count("""
                select count(*) from (
                    select case_id, member_id, leefgebied, (array_agg(score order by seq))[1] as first_score,
                           (array_agg(score order by seq desc))[1] as latest_score,
                           (array_agg(assessed_at order by seq desc))[1] as latest_at, count(*) as scores
                    from leefgebied_assessment where score is not null group by case_id, member_id, leefgebied) a
                full join leefgebied_score_cell c using (case_id, member_id, leefgebied)
                where c.case_id is null or a.case_id is null or c.first_score <> a.first_score
                   or c.latest_score <> a.latest_score or c.latest_at <> a.latest_at or c.scores <> a.scores"""));
        wrong.put("goal evaluations whose next evaluation differs from the goal's rows", count("""
                select count(*) from plan_goal_evaluation e
                where e.superseded_at is distinct from (select min(l.evaluated_at) from plan_goal_evaluation l
                                                        where l.case_id = e.case_id and l.goal_id = e.goal_id
                                                          and l.evaluated_at > e.evaluated_at)"""));
        wrong.put("toeleiding traces whose next trace differs from the case's rows", count("""
                select count(*) from toeleiding_trace t
                where t.superseded_at is distinct from (select min(l.recorded_at) from toeleiding_trace l
                                                        where l.case_id = t.case_id and l.recorded_at > t.recorded_at)"""));
        wrong.put("re-scored cells whose earlier cell differs from their case's cells", count("""
                select count(*) from leefgebied_score_cell c
                where c.scores >= 2 and c.earlier_at is distinct from (
                    select max(o.latest_at) from leefgebied_score_cell o
                    where o.case_id = c.case_id and o.leefgebied = c.leefgebied and o.scores >= 2
                      and (o.latest_at, o.member_id) < (c.latest_at, c.member_id))"""));
        // The scope copies of V76 (decision 0066), which the triggers copy from the case.
        for (String table : List.of("plan_goal_evaluation", "leefgebied_score_cell", "toeleiding_trace")) {
            wrong.put(table + " rows whose team or wijk differs from their case's", count("""
                    select count(*) from %s r join support_case c on c.id = r.case_id
                    where r.team_id is distinct from c.team_id or r.wijk_id is distinct from c.wijk_id""".formatted(table)));
        }
        wrong.put("recurrence flags the trigger would have set otherwise", count("""
                select count(*) from support_case c where c.recurred_within_12_months <> exists (
                    select 1 from support_case later where later.household_id = c.household_id and later.id <> c.id
                      and c.closed_at is not null and later.opened_at > c.closed_at
                      and later.opened_at <= c.closed_at + interval '12 months')"""));
        return wrong;
    }

    long count(String sql) {
        Long count = jdbc.getJdbcOperations().queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private void step(String name, Runnable step) {
        long start = System.nanoTime();
        step.run();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        stepMillis.put(name, millis);
        System.out.printf("[benchmark] fill: %-44s %,8d ms%n", name, millis);
    }
}
