-- The access log without a lock shared by all requests (decision 0031). Rows are inserted freely, with
-- the list of households and cases a list request showed; a sealer (AccessLogSealer) chains committed
-- rows shortly after they commit. The chain so far (V14, linked in id order at insert) stays as it is.

drop trigger access_log_chain on access_log;
drop function access_log_chain();

alter table access_log
    alter column id set default nextval('access_log_id_seq'),
    alter column logged_at set default clock_timestamp(),
    alter column previous_hash drop not null,
    alter column hash drop not null,
    -- One entry per list request: every household and case the list showed (null for a single-case entry).
    add column household_ids uuid[],
    add column case_ids uuid[],
    -- The row's place in the chain, given by the sealer; null until sealed.
    add column chain_position bigint;

-- The rows chained by V14's trigger were linked in id order.
alter table access_log disable trigger access_log_append_only;
update access_log set chain_position = id;
alter table access_log enable trigger access_log_append_only;

-- "Who saw household X" stays one indexed query: household_id (btree) or household_ids (GIN).
create index access_log_households on access_log using gin (household_ids);
create index access_log_cases on access_log using gin (case_ids);
create index access_log_case on access_log (case_id, logged_at);
create unique index access_log_chain_position on access_log (chain_position);
create index access_log_unsealed on access_log (id) where chain_position is null;

-- The digest of V14 plus the lists. A null list adds nothing, so the hashes of the rows sealed
-- before this migration (and of single-case rows) are computed exactly as before.
create or replace function access_log_digest(entry access_log) returns char(64) language sql immutable as $$
    select encode(sha256(convert_to(concat_ws('|',
        entry.id, entry.previous_hash,
        to_char(entry.logged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        entry.username, entry.user_role, coalesce(entry.organisation, ''),
        coalesce(entry.household_id::text, ''), coalesce(entry.case_id::text, ''),
        entry.data_category, entry.action, entry.purpose, entry.outcome, entry.break_glass::text,
        entry.user_id, 'households:' || entry.household_ids::text, 'cases:' || entry.case_ids::text), 'UTF8')), 'hex')
$$;

-- Append-only, with one exception: the sealer sets a row's place in the chain and its hashes, once,
-- and the hash must be the row's digest. Nothing else of a row ever changes.
create or replace function access_log_is_append_only() returns trigger language plpgsql as $$
declare
    unsealed access_log;
begin
    if tg_op = 'UPDATE' and old.chain_position is null and old.hash is null and old.previous_hash is null
            and new.chain_position is not null and new.previous_hash is not null
            and new.hash = access_log_digest(new) then
        unsealed := new;
        unsealed.chain_position := null;
        unsealed.previous_hash := null;
        unsealed.hash := null;
        if unsealed is not distinct from old then
            return new;
        end if;
    end if;
    raise exception 'access_log is append-only (% refused)', tg_op using errcode = 'restrict_violation';
end;
$$;

-- Chains the committed, unsealed rows in id order after the current head: each row's previous_hash
-- and hash are computed exactly once. Only committed rows are visible here, so a row whose transaction
-- commits late (a lower id than rows already sealed) is chained by the next seal, after them.
-- Sealers take turns on the advisory lock; requests never take it.
create function access_log_seal(max_rows integer)
    returns table (sealed integer, head_position bigint, head_id bigint, head_hash char(64))
    language plpgsql as $$
#variable_conflict use_column
declare
    entry access_log;
    last_position bigint;
    last_id bigint;
    last_hash char(64);
    n integer := 0;
begin
    perform pg_advisory_xact_lock(7513);
    select l.chain_position, l.id, l.hash into last_position, last_id, last_hash
    from access_log l where l.chain_position is not null order by l.chain_position desc limit 1;
    for entry in select * from access_log l where l.chain_position is null order by l.id limit max_rows loop
        last_position := coalesce(last_position, 0) + 1;
        entry.chain_position := last_position;
        entry.previous_hash := coalesce(last_hash, repeat('0', 64));
        entry.hash := access_log_digest(entry);
        update access_log l set chain_position = entry.chain_position, previous_hash = entry.previous_hash,
                                hash = entry.hash
        where l.id = entry.id;
        last_id := entry.id;
        last_hash := entry.hash;
        n := n + 1;
    end loop;
    return query select n, last_position, last_id, last_hash;
end;
$$;
