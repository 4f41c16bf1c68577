-- Issue 14, decision 0066: the outcome indicators for one team at 1,000,000 cases. Goals attained, self-sufficiency
-- change and the short route for one team over a year read every team's rows of the year from their period index
-- (640,000 goal evaluations, 470,000 re-scored cells, 111,000 toeleiding traces) and kept those whose case is in the
-- team's 52,000 cases (hashed): twenty times the rows the answer needs. As V11 did for the signals and stays, each of
-- these rows now carries a copy of its case's team and wijk, filled by a trigger of the owning module from the route's
-- published case view when the row is written (a case's team and wijk never change after it opens), so one team is one
-- index range of its own rows.
-- The functions resolve their names in pg_catalog and public only (as V72 and V74).
-- Rolling out: the new columns are added at the end of each view, so the previous release reads the views as before;
-- filling the copies rewrites every evaluation, cell and trace once (see decision 0066 for the time at 1 M cases), and
-- until autovacuum has run on them their pages are not all-visible, so index-only scans visit the heap for a while.
-- The three tables' locks are taken first, each waited for 10 s at most, so a wait that gives up does so before anything
-- was written; from then on goal evaluations, vraagverheldering scores and toeleidingen wait until
-- this migration commits.
set local lock_timeout = '10s';
lock table plan_goal_evaluation, leefgebied_score_cell, toeleiding_trace in access exclusive mode;

-- plan: the goal evaluations.
alter table plan_goal_evaluation add column team_id varchar(64), add column wijk_id varchar(64);
create function plan_goal_evaluation_copy_scope() returns trigger language plpgsql
    set search_path = pg_catalog, public, pg_temp as $$
begin
    select c.team_id, c.wijk_id into new.team_id, new.wijk_id from route_case_view c where c.case_id = new.case_id;
    return new;
end;
$$;
create trigger plan_goal_evaluation_scope before insert or update of case_id on plan_goal_evaluation
    for each row execute function plan_goal_evaluation_copy_scope();
update plan_goal_evaluation e set team_id = c.team_id, wijk_id = c.wijk_id from support_case c where c.id = e.case_id;
alter table plan_goal_evaluation alter column team_id set not null, alter column wijk_id set not null;
-- One team's evaluations of a period with what goals attained counts, index only.
create index plan_goal_evaluation_team_counted on plan_goal_evaluation (team_id, evaluated_at)
    include (wijk_id, case_id, leefgebied, attainment, superseded_at);
create or replace view plan_goal_evaluation_view as
select case_id, goal_id, leefgebied, attainment, evaluated_at, superseded_at, team_id, wijk_id
from plan_goal_evaluation;

-- assessment: the score cells (written only by the scores' triggers of V68/V70, and by a bulk loader).
alter table leefgebied_score_cell add column team_id varchar(64), add column wijk_id varchar(64);
create function leefgebied_score_cell_copy_scope() returns trigger language plpgsql
    set search_path = pg_catalog, public, pg_temp as $$
begin
    select c.team_id, c.wijk_id into new.team_id, new.wijk_id from route_case_view c where c.case_id = new.case_id;
    return new;
end;
$$;
create trigger leefgebied_score_cell_scope before insert or update of case_id on leefgebied_score_cell
    for each row execute function leefgebied_score_cell_copy_scope();

-- Self-sufficiency change for all teams counted the distinct cases per leefgebied by hashing every re-scored cell of
-- the period per leefgebied and case (108,000 at 1 M cases over 90 days), most of the call. Each re-scored cell now
-- carries earlier_at: the latest_at of the re-scored cell of the same case and leefgebied just before it, in the order
-- (latest_at, member_id) (null for the first). Of the case's re-scored cells of a leefgebied that lie in a period,
-- exactly one has earlier_at null or before the period's start: the first of them in that order (a tie at one time is
-- broken by the member, so the second of two cells at one time has an earlier_at inside the period). So the cases are a
-- filtered count of the period's cells, in the same pass as the pairs. Cells scored once carry null and are not read.
alter table leefgebied_score_cell add column earlier_at timestamptz;

-- The re-scored cells of a case's leefgebied, each given the previous one's latest_at (rows already right not written).
-- PL/pgSQL, not SQL, for this function and the lock below: they run on every score the route records, and a SQL
-- function's statements are planned again on every call, PL/pgSQL's once per session (StatementPlanningTest, decision
-- 0063).
create function leefgebied_score_cell_order(p_case uuid, p_leefgebied varchar) returns void language plpgsql
    set search_path = pg_catalog, public, pg_temp as $$
begin
    update leefgebied_score_cell c set earlier_at = n.earlier_at
    from (select member_id, case when scores >= 2
                                 then lag(latest_at) over (partition by scores >= 2 order by latest_at, member_id) end as earlier_at
          from leefgebied_score_cell where case_id = p_case and leefgebied = p_leefgebied) n
    where c.case_id = p_case and c.leefgebied = p_leefgebied and c.member_id = n.member_id
      and c.earlier_at is distinct from n.earlier_at;
end;
$$;

-- Why a lock per case (a transaction-level advisory lock in a key space of its own, 0x53534300 'SSC', keyed by a hash
-- of the case's id): two transactions scoring two members of one case at once would each order the cells without the
-- other's uncommitted one, and both be "first". Taken where a score's write begins (the scores' triggers of V68/V70,
-- redefined below, before any cell's row lock), so the second writer waits for the first to commit and then sees its
-- cell; the order is the same for every writer (one lock per case; a correction moving a score between cases takes
-- both in the order of their ids).
create function leefgebied_score_cell_lock(p_case uuid) returns void language plpgsql
    set search_path = pg_catalog, public, pg_temp as $$
begin
    perform pg_advisory_xact_lock(1397965568, hashtext(p_case::text));
end;
$$;

create function leefgebied_score_cell_follow() returns trigger language plpgsql
    set search_path = pg_catalog, public, pg_temp as $$
begin
    -- A cell moved to another case (by hand): both cases locked in the order of their ids, as the scores' triggers do.
    if tg_op = 'UPDATE' and old.case_id::text < new.case_id::text then
        perform leefgebied_score_cell_lock(old.case_id);
    end if;
    if tg_op <> 'DELETE' then
        perform leefgebied_score_cell_lock(new.case_id);
        perform leefgebied_score_cell_order(new.case_id, new.leefgebied);
    end if;
    if tg_op = 'DELETE' or (tg_op = 'UPDATE' and (old.case_id, old.leefgebied) is distinct from (new.case_id, new.leefgebied)) then
        perform leefgebied_score_cell_lock(old.case_id);
        perform leefgebied_score_cell_order(old.case_id, old.leefgebied);
    end if;
    return null;
end;
$$;
-- Not "update of earlier_at": the order's own writes do not fire it again.
create trigger leefgebied_score_cell_orders
    after insert or update of case_id, member_id, leefgebied, latest_at, scores or delete on leefgebied_score_cell
    for each row execute function leefgebied_score_cell_follow();

-- V68's and V70's functions on the scores, unchanged but for taking the case's lock first.
create or replace function leefgebied_score_cell_add() returns trigger language plpgsql
    set search_path = pg_catalog, public, pg_temp as $$
begin
    perform leefgebied_score_cell_lock(new.case_id);
    insert into leefgebied_score_cell as c (case_id, member_id, leefgebied, first_score, first_seq, latest_score,
                                            latest_seq, latest_at, scores)
    values (new.case_id, new.member_id, new.leefgebied, new.score, new.seq, new.score, new.seq, new.assessed_at, 1)
    on conflict (case_id, member_id, leefgebied) do update set
        first_score  = case when excluded.first_seq < c.first_seq then excluded.first_score else c.first_score end,
        first_seq    = least(c.first_seq, excluded.first_seq),
        latest_score = case when excluded.latest_seq > c.latest_seq then excluded.latest_score else c.latest_score end,
        latest_at    = case when excluded.latest_seq > c.latest_seq then excluded.latest_at else c.latest_at end,
        latest_seq   = greatest(c.latest_seq, excluded.latest_seq),
        scores       = c.scores + 1;
    return null;
end;
$$;
create or replace function leefgebied_score_cell_change() returns trigger language plpgsql
    set search_path = pg_catalog, public, pg_temp as $$
begin
    if tg_op = 'UPDATE' and new.case_id::text < old.case_id::text then
        perform leefgebied_score_cell_lock(new.case_id);
    end if;
    perform leefgebied_score_cell_lock(old.case_id);
    if tg_op = 'UPDATE' then
        perform leefgebied_score_cell_lock(new.case_id);
    end if;
    perform leefgebied_score_cell_recompute(old.case_id, old.member_id, old.leefgebied);
    if tg_op = 'UPDATE' and (new.case_id, new.member_id, new.leefgebied) is distinct from (old.case_id, old.member_id, old.leefgebied) then
        perform leefgebied_score_cell_recompute(new.case_id, new.member_id, new.leefgebied);
    end if;
    return null;
end;
$$;

-- The existing cells, set-based and each written once: their case's team and wijk, and (re-scored cells only) the
-- latest_at of the case's re-scored cell of the leefgebied just before them in the order (latest_at, member_id).
update leefgebied_score_cell a set team_id = c.team_id, wijk_id = c.wijk_id, earlier_at = n.earlier_at
from (select case_id, member_id, leefgebied,
             case when scores >= 2 then lag(latest_at) over (partition by case_id, leefgebied, scores >= 2
                                                              order by latest_at, member_id) end as earlier_at
      from leefgebied_score_cell) n
join support_case c on c.id = n.case_id
where a.case_id = n.case_id and a.member_id = n.member_id and a.leefgebied = n.leefgebied;
alter table leefgebied_score_cell alter column team_id set not null, alter column wijk_id set not null;

-- The re-scored cells' indexes carry it (V68's for all teams and a wijk, the team's above).
-- One team's cells scored again, by the time of their latest score, with what self-sufficiency change counts.
create index leefgebied_score_cell_team_rescored on leefgebied_score_cell (team_id, latest_at)
    include (wijk_id, case_id, leefgebied, first_score, latest_score, earlier_at) where scores >= 2;
create index leefgebied_score_cell_rescored_ordered on leefgebied_score_cell (latest_at)
    include (case_id, leefgebied, first_score, latest_score, earlier_at) where scores >= 2;
drop index leefgebied_score_cell_rescored;
create or replace view assessment_leefgebied_cell_view as
select case_id, leefgebied, first_score, latest_score, latest_at, scores, team_id, wijk_id, earlier_at
from leefgebied_score_cell;

-- toeleiding: the traces.
alter table toeleiding_trace add column team_id varchar(64), add column wijk_id varchar(64);
create function toeleiding_trace_copy_scope() returns trigger language plpgsql
    set search_path = pg_catalog, public, pg_temp as $$
begin
    select c.team_id, c.wijk_id into new.team_id, new.wijk_id from route_case_view c where c.case_id = new.case_id;
    return new;
end;
$$;
create trigger toeleiding_trace_scope before insert or update of case_id on toeleiding_trace
    for each row execute function toeleiding_trace_copy_scope();
update toeleiding_trace t set team_id = c.team_id, wijk_id = c.wijk_id from support_case c where c.id = t.case_id;
alter table toeleiding_trace alter column team_id set not null, alter column wijk_id set not null;
-- One team's traces of a period with what the short route counts, index only.
create index toeleiding_trace_team_counted on toeleiding_trace (team_id, recorded_at)
    include (wijk_id, case_id, outcome, in_voorliggend_veld, voorliggend_veld_used, superseded_at);
create or replace view toeleiding_trace_view as
select case_id, outcome, in_voorliggend_veld, voorliggend_veld_used, recorded_at, superseded_at, team_id, wijk_id
from toeleiding_trace;

analyze plan_goal_evaluation;
analyze leefgebied_score_cell;
analyze toeleiding_trace;
