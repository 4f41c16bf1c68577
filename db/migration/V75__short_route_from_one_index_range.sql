-- Issue 14, decision 0066: the short route at 1,000,000 cases. The indicator counts, per case, its latest toeleiding up
-- to the end of the period when that lies in the period. It read the period's traces through the heap (the index on
-- recorded_at carried nothing else), probed each case's traces for a later one before the end, and, for the connected
-- ones in the voorliggend veld, probed the case's toegang requests and read each request's heap row for requested_at.
-- Now, as the goal evaluations of V72: each trace carries when its case next passed the toeleiding (superseded_at: the
-- earliest later recorded_at of the same case; null while it is the case's latest). A trace is its case's latest up to
-- :to and lies in the period exactly when from <= recorded_at < to and (superseded_at is null or superseded_at >= to):
-- a later trace before :to lies in the period too. Two traces of a case at the same time do not supersede each other
-- (both count, as the old "no later trace" counted them). The period's traces are one index range, read from the index
-- alone; the toegang requests' index carries requested_at, so "no request before the end" is answered from the index.
--
-- Kept by the toeleiding module's own trigger (as V72 for the goals): whoever inserts a trace (the service, a test, a
-- bulk import with past times, in any order), the case's traces are computed again from their rows (a case has one or
-- two), under a transaction-level lock per case, so two writers for one case cannot each miss the other's row. The
-- application never changes a trace's case or time and never removes one (erasure blanks connected_to only, which
-- fires nothing here); should one be corrected or removed by hand, the cases concerned are computed again.
-- The functions resolve their names in pg_catalog and public only (as V72 and V74).
-- Previous release's instances may keep serving: it reads the view's old columns, which stay as they were (the new
-- column is added at the end). Both tables' locks are taken first, each waited for 10 s at most, so a wait that gives up
-- does so before anything was written; from then on writes of traces and toegang requests wait until
-- this migration commits (reads of toegang requests too, for the index swap at the end).
set local lock_timeout = '10s';
lock table toeleiding_trace, toegang_request in access exclusive mode;
alter table toeleiding_trace add column superseded_at timestamptz;

-- The case's traces, each given the earliest later trace of the case (rows already right are not written). PL/pgSQL,
-- not SQL, for this function and the lock below: they run on every toeleiding the route records, and a SQL function's
-- statements are planned again on every call, PL/pgSQL's once per session (decision 0063, as V76's).
create function toeleiding_trace_supersede(p_case uuid) returns void language plpgsql
    set search_path = pg_catalog, public, pg_temp as $$
begin
    update toeleiding_trace t set superseded_at = n.next_at
    from (select g.id, (select min(l.recorded_at) from toeleiding_trace l
                        where l.case_id = p_case and l.recorded_at > g.recorded_at) as next_at
          from toeleiding_trace g where g.case_id = p_case) n
    where t.id = n.id and t.superseded_at is distinct from n.next_at;
end;
$$;

-- Why the lock (a transaction-level advisory lock in a key space of its own, 0x544F4500 'TOE', keyed by the case):
-- two transactions recording a toeleiding of one case at once would each compute without the other's uncommitted row.
-- Held to commit, the lock makes the second wait; its statements (read committed) then see the first's row. The key is
-- a hash of the case's id, which names nobody.
create function toeleiding_trace_lock(p_case uuid) returns void language plpgsql
    set search_path = pg_catalog, public, pg_temp as $$
begin
    perform pg_advisory_xact_lock(1414481152, hashtext(p_case::text));
end;
$$;

create function toeleiding_trace_follow() returns trigger language plpgsql
    set search_path = pg_catalog, public, pg_temp as $$
begin
    if tg_op = 'INSERT' then
        perform toeleiding_trace_lock(new.case_id);
        perform toeleiding_trace_supersede(new.case_id);
        return null;
    end if;
    -- A correction by hand: both cases concerned, locked in one order (two corrections cannot deadlock on them).
    if tg_op = 'UPDATE' and new.case_id::text < old.case_id::text then
        perform toeleiding_trace_lock(new.case_id);
        perform toeleiding_trace_lock(old.case_id);
    else
        perform toeleiding_trace_lock(old.case_id);
        if tg_op = 'UPDATE' then
            perform toeleiding_trace_lock(new.case_id);
        end if;
    end if;
    perform toeleiding_trace_supersede(old.case_id);
    if tg_op = 'UPDATE' and new.case_id <> old.case_id then
        perform toeleiding_trace_supersede(new.case_id);
    end if;
    return null;
end;
$$;
-- Not "update of superseded_at": the trigger's own writes do not fire it again.
create trigger toeleiding_trace_supersedes
    after insert or update of case_id, recorded_at or delete on toeleiding_trace
    for each row execute function toeleiding_trace_follow();

-- The existing traces, set-based: per case its distinct times, each superseded by the next (only traces with a later
-- one are written: a case that passed the toeleiding once, nearly all, is not touched).
update toeleiding_trace t set superseded_at = n.next_at
from (select case_id, recorded_at, lead(recorded_at) over (partition by case_id order by recorded_at) as next_at
      from (select distinct case_id, recorded_at from toeleiding_trace) d) n
where n.case_id = t.case_id and n.recorded_at = t.recorded_at and n.next_at is not null;

-- The period's traces with what the indicator counts, index only (replaces V41's index on recorded_at alone).
create index toeleiding_trace_counted on toeleiding_trace (recorded_at)
    include (case_id, outcome, in_voorliggend_veld, voorliggend_veld_used, superseded_at);
drop index toeleiding_trace_recorded;

-- toeleiding: the trace's outcome and time, and when the case passed the toeleiding next.
create or replace view toeleiding_trace_view as
select case_id, outcome, in_voorliggend_veld, voorliggend_veld_used, recorded_at, superseded_at
from toeleiding_trace;

-- The toegang requests of a case with their time (replaces V7's index on case_id alone, which every lookup by case
-- still finds in this one's first column): "no request for the case before the end of the period" (short route) is
-- one probe into the index, without the request's heap row.
create index toegang_request_case_requested on toegang_request (case_id, requested_at);
drop index toegang_request_case;

analyze toeleiding_trace;
analyze toegang_request;
