-- Toegang: formal decisions under Wmo 2015, Jeugdwet, Participatiewet and Wgs, and the legal clock.

create table toegang_request (
    id                uuid          primary key,
    case_id           uuid          not null references support_case (id),
    plan_action_id    uuid,
    law               varchar(24)   not null check (law in ('WMO', 'JEUGDWET', 'PARTICIPATIEWET', 'WGS')),
    provision         varchar(200)  not null,
    urgent            boolean       not null default false,
    received_on       date          not null,
    phase             varchar(16)   not null check (phase in ('ONDERZOEK', 'BESLUIT', 'BESLOTEN')),
    outcome           varchar(16)   check (outcome in ('GRANTED', 'PARTLY', 'REFUSED')),
    granted_provision varchar(200),
    decision_reason   varchar(2000),
    decided_by        varchar(100),
    decided_at        timestamptz,
    requested_by      varchar(100)  not null,
    requested_at      timestamptz   not null,
    version           bigint        not null default 0
);
create index toegang_request_case on toegang_request (case_id);

-- One running legal term (e.g. Wmo onderzoek, then Wmo beschikking) with its legal basis.
create table legal_deadline (
    id                 uuid          primary key,
    case_id            uuid          not null references support_case (id),
    toegang_request_id uuid          not null references toegang_request (id),
    term               varchar(32)   not null,
    legal_basis        varchar(300)  not null,
    received_on        date          not null,
    due_on             date          not null,
    warn_on            date          not null,
    suspended_days     int           not null default 0,
    suspended_since    date,
    status             varchar(16)   not null check (status in ('RUNNING', 'SUSPENDED', 'MET')),
    at_risk            boolean       not null default false,
    breached           boolean       not null default false,
    met_on             date,
    created_at         timestamptz   not null,
    version            bigint        not null default 0
);
create index legal_deadline_open on legal_deadline (due_on) where status <> 'MET';

create table deadline_suspension (
    id          uuid          primary key,
    deadline_id uuid          not null references legal_deadline (id),
    since       date          not null,
    until       date,
    reason      varchar(2000) not null,
    recorded_by varchar(100)  not null,
    recorded_at timestamptz   not null
);
