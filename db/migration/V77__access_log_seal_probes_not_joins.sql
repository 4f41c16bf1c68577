-- Issue 14: the seal's cost no longer grows with the length of the log. V73's statement checked its batch of queued
-- entries against the log ("the entry exists") and the chain ("not sealed yet") with EXISTS / NOT EXISTS, which
-- PostgreSQL plans as joins; estimating the batch at its maximum (5,000), it chose a merge anti join that reads the
-- chain's primary-key index from its first entry up to the batch's: every seal read the whole chain (measured: a seal of
-- 500 entries 20 ms with a log of 2,000 entries, 58-91 ms with 200,000; the route benchmark's sealer 0.26 -> 0.43 ms
-- per entry as its log grew). The same checks as scalar subqueries are index probes per taken entry, whatever the
-- log's length. Same result, same columns, same settings (V74's search_path and lock_timeout, given again here because
-- CREATE OR REPLACE sets a function's settings anew).
create or replace function access_log_seal(max_rows integer, sweep boolean default false)
    returns table (taken integer, sealed integer, head_position bigint, head_id bigint, head_hash char(64))
    language plpgsql
    set search_path = pg_catalog, public, pg_temp
    set lock_timeout = '5s' as $$
#variable_conflict use_column
declare
    n_taken integer;
    n_sealed integer;
    last_position bigint;
    last_id bigint;
    last_hash char(64);
begin
    perform pg_advisory_xact_lock(7513);
    if sweep then
        insert into access_log_unsealed (entry_id)
        select l.id from access_log l where not exists (select 1 from access_log_chain c where c.entry_id = l.id)
        on conflict do nothing;
    end if;
    select c.chain_position into last_position from access_log_chain c order by c.chain_position desc limit 1;
    with taken as (
        delete from access_log_unsealed u
        where u.entry_id in (select q.entry_id from access_log_unsealed q order by q.entry_id limit max_rows)
        returning u.entry_id),
    chained as (
        insert into access_log_chain (entry_id, chain_position)
        select t.entry_id, coalesce(last_position, 0) + row_number() over (order by t.entry_id)
        from taken t
        -- Probed per taken entry by its primary key (a scalar subquery, which PostgreSQL does not turn into a join).
        where (select l.id from access_log l where l.id = t.entry_id) is not null
          and (select c.entry_id from access_log_chain c where c.entry_id = t.entry_id) is null
        order by t.entry_id
        returning 1)
    select (select count(*) from taken), (select count(*) from chained) into n_taken, n_sealed;
    select c.chain_position, c.entry_id, c.hash into last_position, last_id, last_hash
    from access_log_chain c order by c.chain_position desc limit 1;
    return query select n_taken, n_sealed, last_position, last_id, last_hash;
end;
$$;
