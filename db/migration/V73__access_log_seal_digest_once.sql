-- Decision 0065 (issue 14): an entry's digest is computed once, by the chain's trigger, instead of twice (by the sealer
-- and again by the trigger that checked it, V65), and the sealer chains a batch in one statement instead of three
-- statements per entry. The guarantee of decision 0059 stays: whoever writes to access_log_chain, only the chain's
-- correct next link is taken, because the trigger itself works out the link and the hash from the table. The hashed
-- text (access_log_digest) is unchanged: every seal made so far still verifies.

-- A seal row names its entry and its place; the trigger gives it its link (the hash of the seal before it) and its
-- hash (the digest of the entry over that link). A writer may also give the link and the hash: they must then be
-- exactly those. Refused, whoever writes: a place that is not right after the head (far ahead, taken, or none), a
-- seal for an entry that does not exist, a wrong link or hash; a second seal for an entry is refused by the primary
-- key. Nothing a writer puts in a seal is trusted, so a marker of "the sealer wrote this" is not needed (0059: any
-- session could set one). The head is found from the given place: the newest seal at or after the place before it
-- (a backward index scan that stops there, instead of one that reads the head's whole index page).
create or replace function access_log_chain_by_the_sealer() returns trigger language plpgsql as $$
declare
    head_position bigint;
    link char(64);
    entry access_log;
    digest char(64);
begin
    select c.chain_position, c.hash into head_position, link
    from access_log_chain c where c.chain_position >= new.chain_position - 1
    order by c.chain_position desc limit 1;
    if new.chain_position = 1 and head_position is null then
        link := repeat('0', 64);
    elsif new.chain_position is null or head_position is distinct from new.chain_position - 1 then
        link := null;
    end if;
    if link is not null then
        select * into entry from access_log l where l.id = new.entry_id;
        if found then
            digest := access_log_digest(entry, link);
        end if;
    end if;
    if digest is null
            or (new.previous_hash is not null and new.previous_hash <> link)
            or (new.hash is not null and new.hash <> digest) then
        raise exception 'access_log_chain is append-only and takes only the next link of the chain (INSERT refused)'
            using errcode = 'restrict_violation';
    end if;
    new.previous_hash := link;
    new.hash := digest;
    return new;
end;
$$;

-- Chains the queued entries in id order after the current head, each exactly once, as in V65: the same result, the
-- same columns. In one statement: the batch's queue rows are deleted (exactly those, in the statement's snapshot; a
-- late commit stays queued for the next seal) and their entries that exist and are not sealed yet get the places after
-- the head in id order; the trigger above computes each link and hash, once, seeing the seals inserted before it in
-- the same statement. The rows reach the trigger in the order of the select (id order); were they ever not, the
-- trigger would refuse the out-of-turn place and the seal would fail, not chain wrongly.
create or replace function access_log_seal(max_rows integer, sweep boolean default false)
    returns table (taken integer, sealed integer, head_position bigint, head_id bigint, head_hash char(64))
    language plpgsql as $$
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
        where exists (select 1 from access_log l where l.id = t.entry_id)
          and not exists (select 1 from access_log_chain c where c.entry_id = t.entry_id)
        order by t.entry_id
        returning 1)
    select (select count(*) from taken), (select count(*) from chained) into n_taken, n_sealed;
    select c.chain_position, c.entry_id, c.hash into last_position, last_id, last_hash
    from access_log_chain c order by c.chain_position desc limit 1;
    return query select n_taken, n_sealed, last_position, last_id, last_hash;
end;
$$;

-- The insert's own cost: PostgreSQL reads a table's check constraints from their stored expression trees and prepares
-- them again for every statement, and V14's "action in ('READ', …)" on a varchar column was stored as an array of
-- varchar constants coerced to text[] (1.6 KB and 1.1 KB of tree text): together about a quarter of the CPU of a
-- one-entry insert. The same allowed values as one text[] constant each: the same rule, half the text. Added NOT VALID
-- (no scan while adding: the table's strongest lock is held only until this migration commits) and validated against
-- the entries already written by V74, in a transaction of its own whose lock lets requests go on logging. Every
-- request writes an entry, so the lock is not waited for long: behind a long transaction on the log (an export) the
-- migration fails after 10 s instead of queueing every request behind it; start the instance again later.
set local lock_timeout = '10s';
alter table access_log
    drop constraint access_log_action_check,
    drop constraint access_log_outcome_check,
    add constraint access_log_action_check
        check (action::text = any ('{READ,CREATE,UPDATE,DELETE,EXPORT}'::text[])) not valid,
    add constraint access_log_outcome_check
        check (outcome::text = any ('{GRANTED,DENIED}'::text[])) not valid;
