-- Issue 14, decision 0064: goals attained at 1,000,000 cases. The indicator counts, per goal, its latest evaluation
-- up to the end of the period when that lies in the period. It found it by sorting the period's evaluations by goal
-- (158,000 for all teams over 90 days, a window over each goal, then a second sort for the distinct cases): most of
-- the call. Now each evaluation carries when its goal was next evaluated (superseded_at: the earliest later
-- evaluated_at of the same case and goal; null while it is the latest). An evaluation is its goal's latest up to
-- :to and lies in the period exactly when from <= evaluated_at < to and (superseded_at is null or superseded_at >= to):
-- a later evaluation before :to lies in the period too. Evaluations of one goal at the same time do not supersede
-- each other (both count, as the window's max() counted them). The count reads one index range, no sort by goal.
--
-- The functions resolve their names in pg_catalog and public only (a session's temporary table must not stand in for
-- the evaluations, as V74 says of the access log's chain).
-- Kept by the plan module's own trigger (as the score cells of V68): whoever inserts an evaluation (the service, the
-- demo generator, a test, a bulk import with past times, in any order), the goal's evaluations are computed again
-- from their rows (a goal has a few), under a lock per goal, so two writers of one goal cannot each miss the other's
-- row. The application never changes or deletes an evaluation (the entity is immutable); should one be corrected or
-- removed by hand, the goals concerned are computed again the same way. Not on the route's request path: goals
-- are evaluated by their own call.
-- Previous release's instances stopped (decision 0064); the evaluations' lock waited for 10 s at most.
set local lock_timeout = '10s';
alter table plan_goal_evaluation add column superseded_at timestamptz;

-- The goal's evaluations, each given the earliest later evaluation of the goal (rows already right are not written).
create function plan_goal_evaluation_supersede(p_case uuid, p_goal uuid) returns void language sql
    set search_path = pg_catalog, public, pg_temp as $$
    update plan_goal_evaluation e set superseded_at = n.next_at
    from (select g.id, (select min(l.evaluated_at) from plan_goal_evaluation l
                        where l.case_id = p_case and l.goal_id = p_goal and l.evaluated_at > g.evaluated_at) as next_at
          from plan_goal_evaluation g where g.case_id = p_case and g.goal_id = p_goal) n
    where e.id = n.id and e.superseded_at is distinct from n.next_at;
$$;

-- Why the lock (a transaction-level advisory lock in a key space of its own, 0x474F4100 'GOA', keyed by the goal):
-- two transactions evaluating one goal at once would each compute without the other's uncommitted row. Held to
-- commit, the lock makes the second wait, and its statements (read committed) then see the first's row and compute
-- the goal again with both. The key is a hash of the goal's id, which names nobody.
create function plan_goal_evaluation_lock(p_goal uuid) returns void language sql
    set search_path = pg_catalog, public, pg_temp as $$
    select pg_advisory_xact_lock(1196376320, hashtext(p_goal::text));
$$;

create function plan_goal_evaluation_follow() returns trigger language plpgsql
    set search_path = pg_catalog, public, pg_temp as $$
begin
    if tg_op = 'INSERT' then
        perform plan_goal_evaluation_lock(new.goal_id);
        perform plan_goal_evaluation_supersede(new.case_id, new.goal_id);
        return null;
    end if;
    -- A correction by hand: both goals concerned, locked in one order (two corrections cannot deadlock on them).
    if tg_op = 'UPDATE' and new.goal_id::text < old.goal_id::text then
        perform plan_goal_evaluation_lock(new.goal_id);
        perform plan_goal_evaluation_lock(old.goal_id);
    else
        perform plan_goal_evaluation_lock(old.goal_id);
        if tg_op = 'UPDATE' then
            perform plan_goal_evaluation_lock(new.goal_id);
        end if;
    end if;
    perform plan_goal_evaluation_supersede(old.case_id, old.goal_id);
    if tg_op = 'UPDATE' then
        perform plan_goal_evaluation_supersede(new.case_id, new.goal_id);
    end if;
    return null;
end;
$$;
-- Not "update of superseded_at": the trigger's own writes do not fire it again.
create trigger plan_goal_evaluation_supersedes
    after insert or update of case_id, goal_id, evaluated_at or delete on plan_goal_evaluation
    for each row execute function plan_goal_evaluation_follow();

-- The existing evaluations, set-based: per goal its distinct times, each superseded by the next (only the rows with
-- a later evaluation are written). Run time on the benchmark's 1 M database: see decision 0064.
update plan_goal_evaluation e set superseded_at = t.next_at
from (select case_id, goal_id, evaluated_at,
             lead(evaluated_at) over (partition by case_id, goal_id order by evaluated_at) as next_at
      from (select distinct case_id, goal_id, evaluated_at from plan_goal_evaluation) d) t
where t.case_id = e.case_id and t.goal_id = e.goal_id and t.evaluated_at = e.evaluated_at and t.next_at is not null;

-- The period's evaluations with what the indicator counts, index only (replaces V63's, which carried goal_id for the
-- window).
create index plan_goal_evaluation_counted on plan_goal_evaluation (evaluated_at)
    include (case_id, leefgebied, attainment, superseded_at);
drop index plan_goal_evaluation_period;

-- plan: the evaluation's goal, leefgebied, attainment and time, and when the goal was evaluated next.
create or replace view plan_goal_evaluation_view as
select case_id, goal_id, leefgebied, attainment, evaluated_at, superseded_at
from plan_goal_evaluation;

analyze plan_goal_evaluation;
