-- NEN 7513 access log: who looked at or changed which household's personal data, when, why, and
-- whether it was allowed. Append-only (triggers refuse UPDATE/DELETE/TRUNCATE for every database
-- user, including the application's) and hash-chained: each row's hash covers its fields and the
-- previous row's hash, so an edit made around the triggers (by a superuser) shows up on verification.

create sequence access_log_id_seq;

create table access_log (
    id            bigint        primary key,   -- assigned by the chain trigger, in chain order
    logged_at     timestamptz   not null,
    username      varchar(100)  not null,
    user_role     varchar(32)   not null,
    organisation  varchar(64),                 -- the team or partner organisation acted for
    household_id  uuid,
    case_id       uuid,
    data_category varchar(32)   not null,
    action        varchar(16)   not null check (action in ('READ', 'CREATE', 'UPDATE', 'DELETE', 'EXPORT')),
    purpose       varchar(600)  not null,      -- purpose or legal ground, or the break-the-glass reason
    outcome       varchar(16)   not null check (outcome in ('GRANTED', 'DENIED')),
    break_glass   boolean       not null default false,
    previous_hash char(64)      not null,
    hash          char(64)      not null
);
create index access_log_household on access_log (household_id, logged_at);
create index access_log_user on access_log (username, logged_at);
create index access_log_time on access_log (logged_at);

-- The text a row's hash is taken over. Timestamps in UTC with microseconds so the text is stable.
create function access_log_digest(entry access_log) returns char(64) language sql immutable as $$
    select encode(sha256(convert_to(concat_ws('|',
        entry.id, entry.previous_hash,
        to_char(entry.logged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        entry.username, entry.user_role, coalesce(entry.organisation, ''),
        coalesce(entry.household_id::text, ''), coalesce(entry.case_id::text, ''),
        entry.data_category, entry.action, entry.purpose, entry.outcome, entry.break_glass::text), 'UTF8')), 'hex')
$$;

-- One writer at a time extends the chain: the advisory lock is held to the end of the writing
-- transaction, so the id (taken after the lock) orders rows exactly as the chain links them.
create function access_log_chain() returns trigger language plpgsql as $$
declare
    last_hash char(64);
begin
    perform pg_advisory_xact_lock(7513);
    new.id := nextval('access_log_id_seq');
    if new.logged_at is null then
        new.logged_at := clock_timestamp();
    end if;
    select hash into last_hash from access_log order by id desc limit 1;
    new.previous_hash := coalesce(last_hash, repeat('0', 64));
    new.hash := access_log_digest(new);
    return new;
end;
$$;
create trigger access_log_chain
    before insert on access_log
    for each row execute function access_log_chain();

create function access_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'access_log is append-only (% refused)', tg_op using errcode = 'restrict_violation';
end;
$$;
create trigger access_log_append_only
    before update or delete on access_log
    for each row execute function access_log_is_append_only();
create trigger access_log_no_truncate
    before truncate on access_log
    for each statement execute function access_log_is_append_only();

-- Break-the-glass: a worker opens a case outside their scope in an urgent situation, with a reason.
-- The grant is short-lived; every use is flagged in the access log; the privacy officer reviews it.
create table break_glass_access (
    id           uuid          primary key,
    case_id      uuid          not null references support_case (id),
    username     varchar(100)  not null,
    user_role    varchar(32)   not null,
    organisation varchar(64),
    reason       varchar(2000) not null,
    granted_at   timestamptz   not null,
    expires_at   timestamptz   not null,
    reviewed_by  varchar(100),
    reviewed_at  timestamptz,
    review_verdict varchar(16) check (review_verdict in ('JUSTIFIED', 'UNJUSTIFIED')),
    review_note  varchar(2000),
    version      bigint        not null default 0
);
create index break_glass_active on break_glass_access (username, case_id, expires_at);
create index break_glass_unreviewed on break_glass_access (granted_at) where reviewed_at is null;

-- The regisseur's team is how a resident reaches them.
alter table team add column phone varchar(32);
alter table team add column email varchar(200);
update team set phone = '0162 000 100', email = 'wijkteam.noord@wijkroute.example' where id = 'team-noord';
update team set phone = '0162 000 200', email = 'wijkteam.zuid@wijkroute.example' where id = 'team-zuid';
