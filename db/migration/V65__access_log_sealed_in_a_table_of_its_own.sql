-- Decision 0059 (supersedes the in-row seal of 0031, V27): sealing an entry no longer rewrites it. The
-- sealer's UPDATE of chain_position, previous_hash and hash was not HOT (chain_position was indexed and
-- in a partial index's predicate), so every entry was written twice, with a second entry in each of its
-- indexes, GIN included. Now the entry is written once and never changed; its seal is a narrow row of its
-- own in access_log_chain, and the entries still to be sealed are found in a narrow queue table filled
-- by a trigger in the inserting transaction (so it holds exactly the committed entries, whatever order
-- they commit in: no timing assumption, as before).

-- First take the sealers' lock (V27's access_log_seal takes it too): an instance of the previous release still
-- running its sealer during a rolling upgrade waits for this migration instead of sealing entries between the
-- copy of the seals below and the drop of the in-row columns (their seals would be lost with the columns).
select pg_advisory_xact_lock(7513);

create table access_log_chain (
    entry_id       bigint   primary key,     -- access_log.id; no foreign key: its check would lock the entry row
    chain_position bigint   not null unique, -- the place in the chain, in seal order
    previous_hash  char(64) not null,
    hash           char(64) not null
);

-- The rows sealed so far keep their seal exactly: same position, link and hash.
insert into access_log_chain (entry_id, chain_position, previous_hash, hash)
select id, chain_position, previous_hash, hash from access_log where chain_position is not null;

-- The partial index of unsealed rows (V27) had the queue's name; the queue takes its place.
drop index access_log_unsealed;
create table access_log_unsealed (
    entry_id bigint primary key
);
insert into access_log_unsealed (entry_id)
select l.id from access_log l where not exists (select 1 from access_log_chain c where c.entry_id = l.id);

drop trigger access_log_unsealed_on_insert on access_log;
drop function access_log_inserted_unsealed();
drop function access_log_seal(integer);
drop function access_log_digest(access_log);
-- Drops the unique index on chain_position with it.
alter table access_log drop column chain_position, drop column previous_hash, drop column hash;

-- The digest of V27 with the link passed in: the same text, so every hash sealed so far still verifies.
create function access_log_digest(entry access_log, link char(64)) returns char(64) language sql immutable as $$
    select encode(sha256(convert_to(concat_ws('|',
        entry.id, link,
        to_char(entry.logged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        entry.username, entry.user_role, coalesce(entry.organisation, ''),
        coalesce(entry.household_id::text, ''), coalesce(entry.case_id::text, ''),
        entry.data_category, entry.action, entry.purpose, entry.outcome, entry.break_glass::text,
        entry.user_id, 'households:' || entry.household_ids::text, 'cases:' || entry.case_ids::text), 'UTF8')), 'hex')
$$;

-- An entry never changes now, not even to be sealed; nor does a seal. The same guard serves both tables.
create or replace function access_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'restrict_violation';
end;
$$;
create trigger access_log_chain_append_only
    before update or delete on access_log_chain
    for each row execute function access_log_is_append_only();
create trigger access_log_chain_no_truncate
    before truncate on access_log_chain
    for each statement execute function access_log_is_append_only();

-- A seal row must be the chain's next link: right after the head, linked to the head's hash, with the hash of
-- its entry. Whoever writes it, nothing else is taken: a forged or garbage seal (a position far ahead, a seal
-- for an entry yet to come, a wrong hash) cannot take an entry's place in the chain nor stop the sealer. A
-- marker in the session would not do: any session may set one. Costs the sealer one more digest per entry.
create function access_log_chain_by_the_sealer() returns trigger language plpgsql as $$
declare
    head_position bigint;
    head_hash char(64);
    entry access_log;
begin
    select c.chain_position, c.hash into head_position, head_hash
    from access_log_chain c order by c.chain_position desc limit 1;
    select * into entry from access_log l where l.id = new.entry_id;
    if not found
            or new.chain_position is distinct from coalesce(head_position, 0) + 1
            or new.previous_hash is distinct from coalesce(head_hash, repeat('0', 64))
            or new.hash is distinct from access_log_digest(entry, new.previous_hash) then
        raise exception 'access_log_chain is append-only and takes only the next link of the chain (INSERT refused)'
            using errcode = 'restrict_violation';
    end if;
    return new;
end;
$$;
create trigger access_log_chain_by_the_sealer
    before insert on access_log_chain
    for each row execute function access_log_chain_by_the_sealer();

-- Every new entry waits in the queue until it is sealed. The queue row commits (or rolls back) with the
-- entry, so the sealer sees exactly the committed entries, late ones included.
create function access_log_queued_for_sealing() returns trigger language plpgsql as $$
begin
    insert into access_log_unsealed (entry_id) values (new.id);
    return null;
end;
$$;
create trigger access_log_queued_for_sealing
    after insert on access_log
    for each row execute function access_log_queued_for_sealing();

-- Chains the queued entries in id order after the current head, each exactly once; an entry committed
-- late (a lower id than entries already sealed) is chained by the next seal, after them, as in V27.
-- A queue row whose entry is missing or already sealed is dropped. With sweep (before a verification)
-- it first queues again any entry that is neither sealed nor queued (its queue row removed by hand).
-- Sealers take turns on the advisory lock; requests never take it.
create function access_log_seal(max_rows integer, sweep boolean default false)
    returns table (taken integer, sealed integer, head_position bigint, head_id bigint, head_hash char(64))
    language plpgsql as $$
#variable_conflict use_column
declare
    queued bigint;
    entry access_log;
    queue_rows bigint[] := '{}';
    n integer := 0;
    last_position bigint;
    last_id bigint;
    last_hash char(64);
    link char(64);
begin
    perform pg_advisory_xact_lock(7513);
    if sweep then
        insert into access_log_unsealed (entry_id)
        select l.id from access_log l where not exists (select 1 from access_log_chain c where c.entry_id = l.id)
        on conflict do nothing;
    end if;
    select c.chain_position, c.entry_id, c.hash into last_position, last_id, last_hash
    from access_log_chain c order by c.chain_position desc limit 1;
    for queued in select u.entry_id from access_log_unsealed u order by u.entry_id limit max_rows loop
        queue_rows := queue_rows || queued;
        select * into entry from access_log l where l.id = queued;
        if found and not exists (select 1 from access_log_chain c where c.entry_id = queued) then
            link := coalesce(last_hash, repeat('0', 64));
            last_position := coalesce(last_position, 0) + 1;
            last_hash := access_log_digest(entry, link);
            last_id := entry.id;
            insert into access_log_chain (entry_id, chain_position, previous_hash, hash)
            values (entry.id, last_position, link, last_hash);
            n := n + 1;
        end if;
    end loop;
    delete from access_log_unsealed u where u.entry_id = any (queue_rows);
    return query select cardinality(queue_rows), n, last_position, last_id, last_hash;
end;
$$;
