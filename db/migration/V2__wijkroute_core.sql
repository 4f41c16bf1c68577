-- Core of Wijkroute: households, signals, cases and the step history.
-- The engine (ACT_* tables, V1) owns where a case is in the route; these tables own what the case is.

create table team (
    id   varchar(64)  primary key,          -- also the Camunda candidate group of the team's tasks
    name varchar(200) not null
);

create table wijk (
    id      varchar(64)  primary key,
    name    varchar(200) not null,
    team_id varchar(64)  not null references team (id)
);

create table household (
    id           uuid         primary key,
    display_name varchar(200) not null,     -- how workers refer to the household, e.g. "Huishouden Jansen"
    wijk_id      varchar(64)  not null references wijk (id),
    postcode     varchar(7),
    created_at   timestamptz  not null,
    version      bigint       not null default 0
);

create table household_member (
    id           uuid         primary key,
    household_id uuid         not null references household (id),
    given_name   varchar(100) not null,
    family_name  varchar(100) not null,
    birth_date   date         not null,
    -- BSN is optional, checked with the elfproef on input and never logged or returned by the API.
    bsn          varchar(9),
    constraint household_member_bsn_digits check (bsn is null or bsn ~ '^[0-9]{9}$')
);
create index household_member_household on household_member (household_id);
-- One person lives in one registered household here; a known BSN finds its household again.
create unique index household_member_bsn on household_member (bsn) where bsn is not null;

create table support_case (
    id                     uuid         primary key,
    household_id           uuid         not null references household (id),
    team_id                varchar(64)  not null references team (id),
    status                 varchar(16)  not null check (status in ('OPEN', 'NAZORG', 'CLOSED')),
    -- Copy of the engine's position, written in the same transaction as the engine's move.
    current_stage          varchar(32)  not null,
    stage_entered_at       timestamptz  not null,
    opened_at              timestamptz  not null,
    closed_at              timestamptz,
    closure_reason         varchar(2000),
    version                bigint       not null default 0
);
-- 1 gezin, 1 plan: at most one case per household that is open or in nazorg. A new signal attaches
-- to that case; the database refuses a second one even if code were to try.
create unique index support_case_one_open_per_household
    on support_case (household_id) where status in ('OPEN', 'NAZORG');
create index support_case_stage on support_case (current_stage);
create index support_case_team on support_case (team_id);

create table signal (
    id                  uuid          primary key,
    case_id             uuid          not null references support_case (id),
    household_id        uuid          not null references household (id),
    source_type         varchar(32)   not null check (source_type in ('PARTNER', 'RESIDENT', 'FRONTOFFICE', 'OWN_OBSERVATION')),
    source_organisation varchar(200),
    description         varchar(4000) not null,
    urgency             varchar(16)   not null check (urgency in ('LOW', 'NORMAL', 'HIGH', 'CRISIS')),
    safety_concern      boolean       not null,
    received_at         timestamptz   not null,
    registered_by       varchar(100)  not null
);
create index signal_case on signal (case_id);

create table signal_leefgebied (
    signal_id  uuid        not null references signal (id),
    leefgebied varchar(48) not null,
    primary key (signal_id, leefgebied)
);

-- Each triage of a case (a reopened case is triaged again): the first assessment and route choice.
create table triage_assessment (
    id             uuid          primary key,
    case_id        uuid          not null references support_case (id),
    urgency        varchar(16)   not null check (urgency in ('LOW', 'NORMAL', 'HIGH', 'CRISIS')),
    safety_concern boolean       not null,
    problem_scope  varchar(16)   not null check (problem_scope in ('NONE', 'SINGLE', 'MULTIPLE')),
    route          varchar(32)   not null,
    summary        varchar(4000) not null,
    assessed_by    varchar(100)  not null,
    assessed_at    timestamptz   not null
);
create index triage_assessment_case on triage_assessment (case_id, assessed_at);

-- Every move of a case through the route: from, to, who, when, why. Append-only: dashboards and
-- accountability read it, so it must never be rewritten.
create table step_history (
    id         bigserial    primary key,
    case_id    uuid         not null references support_case (id),
    from_stage varchar(32),
    to_stage   varchar(32)  not null,
    actor      varchar(100) not null,
    moved_at   timestamptz  not null,
    reason     varchar(2000)
);
create index step_history_case on step_history (case_id, moved_at);

create function step_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'step_history is append-only (% refused)', tg_op using errcode = 'restrict_violation';
end;
$$;
create trigger step_history_append_only
    before update or delete on step_history
    for each row execute function step_history_is_append_only();
create trigger step_history_no_truncate
    before truncate on step_history
    for each statement execute function step_history_is_append_only();

-- Idempotency for partners that retry: the key, a hash of the request and the stored response,
-- written in the same transaction as the effect.
create table idempotency_record (
    client_id       varchar(100) not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)    not null,
    response_status int,
    response_body   text,
    created_at      timestamptz  not null,
    primary key (client_id, idempotency_key)
);
