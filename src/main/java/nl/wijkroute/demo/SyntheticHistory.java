package nl.wijkroute.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nl.wijkroute.deadline.LegalTerm;
import nl.wijkroute.escalation.EscalationCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A synthetic history for the managers' dashboard: cases, step history and its stage stays, signals per
 * source, escalations with doorbraken, warme overdrachten, toegang requests with their legal terms and
 * households that return within a year, generated set-based in PostgreSQL. Used by the dev profile's
 * demo data (a year, a few thousand cases, so every chart has groups above the suppression threshold)
 * and by the dashboard benchmark (a million cases).
 *
 * <p>Clearly not real: households are named "Synthetisch huishouden N" and have no members (no names,
 * no BSNs); every row is written by actor {@value #ACTOR}; handovers go to the organisation
 * {@value #PARTNER}, so no demo user gets synthetic work in a werkbak. No process instances exist for
 * them: open cases stand at most two days in their step (the stagnation detector leaves them alone),
 * and every toegang request is decided.
 */
@Component
public class SyntheticHistory {

    public static final String ACTOR = "synthetisch";
    public static final String PARTNER = "synthetische-partner";
    public static final String HOUSEHOLD_NAME = "Synthetisch huishouden ";

    private static final Logger log = LoggerFactory.getLogger(SyntheticHistory.class);

    /** Escalation causes as they come (the common ones more often). Detected stagnation needs a signal: not generated. */
    private static final List<EscalationCause> CAUSES = List.of(
            EscalationCause.PARTIES_WAIT_FOR_EACH_OTHER, EscalationCause.PARTIES_WAIT_FOR_EACH_OTHER,
            EscalationCause.PARTIES_WAIT_FOR_EACH_OTHER, EscalationCause.PARTIES_WAIT_FOR_EACH_OTHER,
            EscalationCause.FINANCING_CONFLICT, EscalationCause.FINANCING_CONFLICT, EscalationCause.FINANCING_CONFLICT,
            EscalationCause.COLLIDING_LAWS, EscalationCause.COLLIDING_LAWS, EscalationCause.NO_FITTING_PROVISION,
            EscalationCause.NO_FITTING_PROVISION, EscalationCause.HOUSEHOLD_DECLINES, EscalationCause.HOUSEHOLD_DECLINES,
            EscalationCause.SAFETY, EscalationCause.COLLIDING_VALUES, EscalationCause.FORCING_SYSTEMS);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    SyntheticHistory(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether a synthetic history was generated in any of these wijken. */
    @Transactional(readOnly = true)
    public boolean presentIn(List<String> wijken) {
        Boolean present = jdbc.queryForObject("""
                select exists (select 1 from household where wijk_id in (:wijken) and display_name like :name)
                """, new MapSqlParameterSource("wijken", wijken).addValue("name", HOUSEHOLD_NAME + "%"), Boolean.class);
        return Boolean.TRUE.equals(present);
    }

    /**
     * Generates about {@code cases} cases (plus the returns of about 8 % of the households) opened over
     * the {@code span} before now, spread evenly over the given wijken and their teams. One transaction:
     * all or nothing. The random numbers are seeded, so the same call gives the same shape.
     *
     * @return the number of cases generated
     */
    @Transactional
    public int generate(List<String> wijken, int cases, Duration span) {
        long start = System.nanoTime();
        Instant now = clock.instant();
        MapSqlParameterSource params = new MapSqlParameterSource("wijken", wijken).addValue("cases", cases)
                .addValue("spanSeconds", (double) span.toSeconds()).addValue("now", Timestamp.from(now))
                .addValue("actor", ACTOR).addValue("partner", PARTNER).addValue("name", HOUSEHOLD_NAME);
        jdbc.getJdbcOperations().execute("select setseed(0.2026)");
        jdbc.update("insert into organisation (id, name, type) values (:partner, 'Synthetische partner (demo)', 'OVERIG') "
                + "on conflict do nothing", params);
        // Created first and filled by INSERT … SELECT: a CREATE TABLE AS cannot take bind parameters.
        jdbc.getJdbcOperations().execute("""
                create temporary table synthetic_case (g int, case_id uuid, household_id uuid, r double precision,
                    r2 double precision, opened_at timestamptz, wijk_id varchar(64), team_id varchar(64), closed_at timestamptz)
                on commit drop""");
        jdbc.update("""
                insert into synthetic_case (g, case_id, household_id, r, r2, opened_at, wijk_id, team_id, closed_at)
                with wijk_list as (
                    select id as wijk_id, team_id, row_number() over (order by id) - 1 as n from wijk where id in (:wijken)
                ), base as (
                    select g, gen_random_uuid() as case_id, gen_random_uuid() as household_id, random() as r, random() as r2,
                           cast(:now as timestamptz) - random() * :spanSeconds * interval '1 second' as opened_at
                    from generate_series(1, :cases) g
                )
                select b.g, b.case_id, b.household_id, b.r, b.r2, b.opened_at, w.wijk_id, w.team_id,
                       case when b.r < 0.85 and b.opened_at + (10 + b.r * 190) * interval '1 day' < :now
                            then b.opened_at + (10 + b.r * 190) * interval '1 day' end as closed_at
                from base b join wijk_list w on w.n = b.g % (select count(*) from wijk_list)
                """, params);
        // About 8 % of the households whose support ended are signalled again within a year.
        jdbc.update("""
                insert into synthetic_case (g, case_id, household_id, r, r2, opened_at, wijk_id, team_id, closed_at)
                select g + :cases, gen_random_uuid(), household_id, random(), random(), reopened_at, wijk_id, team_id, null
                from (select *, closed_at + (20 + random() * 300) * interval '1 day' as reopened_at
                      from synthetic_case where closed_at is not null) c
                where c.r2 < 0.08 and c.reopened_at < :now
                """, params);
        jdbc.update("""
                update synthetic_case set closed_at = opened_at + (10 + r * 190) * interval '1 day'
                where g > :cases and r < 0.85 and opened_at + (10 + r * 190) * interval '1 day' < :now
                """, params);
        jdbc.update("""
                insert into household (id, display_name, wijk_id, created_at)
                select distinct on (household_id) household_id, cast(:name as text) || g, wijk_id, opened_at
                from synthetic_case order by household_id, g
                """, params);
        jdbc.update("""
                insert into support_case (id, household_id, team_id, status, current_stage, stage_entered_at, opened_at, closed_at)
                select case_id, household_id, team_id, case when closed_at is null then 'OPEN' else 'CLOSED' end,
                       case when closed_at is null then 'SIGNALEREN' else 'AFGESLOTEN' end, coalesce(closed_at, opened_at),
                       opened_at, closed_at
                from synthetic_case order by opened_at
                """, params);
        // Every case starts with a signal; a fifth gets a second one from another source a few days later.
        jdbc.update("""
                insert into signal (id, case_id, household_id, source_type, description, urgency, safety_concern, received_at, registered_by)
                select gen_random_uuid(), case_id, household_id, source, 'Synthetisch signaal (demo)', 'NORMAL', false, received_at, :actor
                from (select case_id, household_id, opened_at as received_at, random() as pick from synthetic_case
                      union all
                      select case_id, household_id, opened_at + random() * interval '5 days', random() from synthetic_case
                      where random() < 0.2) s
                cross join lateral (select case when s.pick < 0.35 then 'PARTNER' when s.pick < 0.6 then 'FRONTOFFICE'
                                                when s.pick < 0.8 then 'RESIDENT' else 'OWN_OBSERVATION' end as source) x
                where s.received_at < :now
                """, params);
        moves(params);
        escalations(params);
        handovers(params);
        toegang(params);
        int generated = jdbc.queryForObject("select count(*) from synthetic_case", params, Integer.class);
        List.of("support_case", "stage_stay", "signal").forEach(table -> jdbc.getJdbcOperations().execute("analyze " + table));
        log.info("Synthetic dashboard history: {} cases in {} wijken over {} days, in {} ms", generated, wijken.size(),
                span.toDays(), Duration.ofNanos(System.nanoTime() - start).toMillis());
        return generated;
    }

    /**
     * The route each case travelled, and its stays. Ended cases make ten moves through regie and
     * evaluatie twice to nazorg and closing; open ones two to eight, the last within two days.
     * Why the trigger is off: the stays are projected in one statement instead of one update per move.
     */
    private void moves(MapSqlParameterSource params) {
        jdbc.update("alter table step_history disable trigger step_history_feeds_stage_stay", params);
        jdbc.update("""
                insert into step_history (case_id, from_stage, to_stage, actor, moved_at)
                select c.case_id, case when k = 1 then null else s.stages[k - 1] end, s.stages[k], :actor,
                       case when c.closed_at is not null then c.opened_at + (k - 1) * (c.closed_at - c.opened_at) / 9
                            else c.opened_at + (k - 1) * (greatest(c.opened_at, cast(:now as timestamptz) - c.r2 * interval '2 days')
                                                          - c.opened_at) / (c.moves - 1) end
                from (select *, 2 + abs(hashtext(case_id::text)) % 7 as moves from synthetic_case) c
                cross join (select array['SIGNALEREN', 'TRIAGE', 'VRAAGVERHELDERING', 'PLAN', 'REGIE', 'EVALUATIE',
                                         'REGIE', 'EVALUATIE', 'NAZORG', 'AFGESLOTEN'] as stages) s
                cross join lateral generate_series(1, case when c.closed_at is not null then 10 else c.moves end) k
                """, params);
        jdbc.update("alter table step_history enable trigger step_history_feeds_stage_stay", params);
        jdbc.update("""
                insert into stage_stay (case_id, team_id, wijk_id, stage, entered_at, left_at, duration_seconds)
                select h.case_id, c.team_id, c.wijk_id, h.to_stage, h.moved_at, h.left_at, date_part('epoch', h.left_at - h.moved_at)
                from (select case_id, to_stage, moved_at, lead(moved_at) over (partition by case_id order by moved_at, id) as left_at
                      from step_history where case_id in (select case_id from synthetic_case)) h
                join synthetic_case c on c.case_id = h.case_id
                where h.to_stage <> 'AFGESLOTEN'
                """, params);
        jdbc.update("""
                update support_case c set current_stage = s.stage, stage_entered_at = s.entered_at
                from stage_stay s join synthetic_case x on x.case_id = s.case_id
                where s.case_id = c.id and s.left_at is null
                """, params);
    }

    /** About 8 % of the cases were escalated; most reached a doorbraak; all are back with the casusregisseur. */
    private void escalations(MapSqlParameterSource params) {
        String causes = CAUSES.stream().map(cause -> "'" + cause.name() + "'").collect(Collectors.joining(", "));
        jdbc.update("""
                insert into escalation (id, case_id, cause, description, source, raised_by, raised_at, status, procesregisseur,
                                        taken_at, doorbraak, deescalated_at, deescalation_note)
                select gen_random_uuid(), case_id, (array[%s])[1 + floor(random() * %d)::int], 'Synthetische escalatie (demo)',
                       'WORKER', :actor, raised_at, 'DEESCALATED', :actor, raised_at + interval '1 day',
                       case when with_doorbraak then jsonb_build_object(
                           'casusoverlegAt', to_char(overleg_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                           'participants', jsonb_build_array(cast(:partner as text)), 'decision', 'Synthetisch besluit (demo)',
                           'payer', 'gemeente', 'payUntil', to_char(overleg_at + interval '90 days', 'YYYY-MM-DD'),
                           'followUpBefore', to_char(overleg_at + interval '14 days', 'YYYY-MM-DD')) end,
                       least(cast(:now as timestamptz), overleg_at + interval '7 days'), null
                from (select case_id, raised_at, random() < 0.8 as with_doorbraak,
                             least(cast(:now as timestamptz), raised_at + (1 + random() * 20) * interval '1 day') as overleg_at
                      from (select case_id, opened_at + random() * (coalesce(closed_at, :now) - opened_at) / 2 as raised_at
                            from synthetic_case where random() < 0.08) picked) e
                """.formatted(causes, CAUSES.size()), params);
    }

    /** About 15 % of the cases were handed over warmly: most accepted within days, some declined, the newest still open. */
    private void handovers(MapSqlParameterSource params) {
        jdbc.update("""
                insert into handover (id, case_id, scope, action_ids, sender, sender_organisation, receiver_organisation, summary,
                                      consent, status, accept_before, decided_by, decided_at, created_at)
                select gen_random_uuid(), case_id, 'REGIE', '[]', :actor, team_id, :partner, '{"assessments": [], "goals": []}',
                       jsonb_build_object('basis', 'CONSENT', 'givenAt', to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                          'form', 'IN_GESPREK', 'leefgebieden', jsonb_build_array('FINANCIEN')),
                       status, created_at + interval '7 days', case when status <> 'PROPOSED' then :actor end,
                       case when status <> 'PROPOSED' then decided_at end, created_at
                from (select *, case when decided_at > :now then 'PROPOSED' when pick < 0.85 then 'ACCEPTED' else 'DECLINED' end as status
                      from (select case_id, team_id, created_at, random() as pick,
                                   created_at + (2 + random() * 118) * interval '1 hour' as decided_at
                            from (select case_id, team_id, opened_at + random() * (coalesce(closed_at, :now) - opened_at) as created_at
                                  from synthetic_case where random() < 0.15) picked) timed) h
                """, params);
    }

    /**
     * About a quarter of the cases needed a toegang request, all decided: most within the legal term,
     * some late. Only requests whose term (and a margin) has passed, so no synthetic request waits in a
     * toegang queue.
     */
    private void toegang(MapSqlParameterSource params) {
        String terms = Arrays.stream(new String[][] {
                        {"WMO", LegalTerm.WMO_ONDERZOEK.name()}, {"WMO", LegalTerm.WMO_ONDERZOEK.name()},
                        {"JEUGDWET", LegalTerm.JEUGDWET_BESLUIT.name()}, {"PARTICIPATIEWET", LegalTerm.PARTICIPATIEWET_BESLUIT.name()},
                        {"WGS", LegalTerm.WGS_EERSTE_GESPREK.name()}})
                .map(pair -> {
                    LegalTerm term = LegalTerm.valueOf(pair[1]);
                    return "('%s', '%s', %d, '%s')".formatted(pair[0], term.name(), term.amount() * 7,
                            term.legalBasis().replace("'", "''"));
                })
                .collect(Collectors.joining(", "));
        jdbc.getJdbcOperations().execute("""
                create temporary table synthetic_toegang (id uuid, case_id uuid, law varchar(24), term varchar(32), days int,
                    basis varchar(300), received_on date, due_on date, met_on date) on commit drop""");
        jdbc.update("""
                insert into synthetic_toegang (id, case_id, law, term, days, basis, received_on, due_on, met_on)
                select gen_random_uuid() as id, c.case_id, t.law, t.term, t.days, t.basis, c.received_on,
                       c.received_on + t.days as due_on, c.received_on + floor(c.pace * 1.15 * t.days)::int as met_on
                from (select case_id, cast(opened_at + random() * interval '30 days' as date) as received_on,
                             random() as pace, 1 + floor(random() * 5)::int as pick
                      from synthetic_case where random() < 0.25) c
                join (select row_number() over () as n, * from (values %s) v(law, term, days, basis)) t on t.n = c.pick
                where c.received_on + floor(t.days * 1.2)::int < cast(:now as date)
                """.formatted(terms), params);
        jdbc.update("""
                insert into toegang_request (id, case_id, law, provision, received_on, phase, outcome, decided_by, decided_at,
                                             requested_by, requested_at)
                select id, case_id, law, 'Synthetische voorziening (demo)', received_on, 'BESLOTEN',
                       (array['GRANTED', 'GRANTED', 'PARTLY', 'REFUSED'])[1 + floor(random() * 4)::int], :actor,
                       met_on + time '12:00', :actor, received_on + time '09:00'
                from synthetic_toegang
                """, params);
        jdbc.update("""
                insert into legal_deadline (id, case_id, toegang_request_id, term, legal_basis, received_on, due_on, warn_on,
                                            status, breached, met_on, created_at)
                select gen_random_uuid(), case_id, id, term, basis, received_on, due_on, due_on - 7, 'MET', met_on > due_on, met_on,
                       received_on + time '09:00'
                from synthetic_toegang
                """, params);
    }
}
