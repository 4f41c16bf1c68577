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
-- Each table's lock is waited for 10 s at most.
set local lock_timeout = '10s';

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
update leefgebied_score_cell a set team_id = c.team_id, wijk_id = c.wijk_id from support_case c where c.id = a.case_id;
alter table leefgebied_score_cell alter column team_id set not null, alter column wijk_id set not null;
-- One team's cells scored again, by the time of their latest score, with what self-sufficiency change counts.
create index leefgebied_score_cell_team_rescored on leefgebied_score_cell (team_id, latest_at)
    include (wijk_id, case_id, leefgebied, first_score, latest_score) where scores >= 2;
create or replace view assessment_leefgebied_cell_view as
select case_id, leefgebied, first_score, latest_score, latest_at, scores, team_id, wijk_id
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
