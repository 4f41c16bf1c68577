-- Regie, warm handovers between partners, and stagnation signals for the escalation work.

-- Who holds which regie over a case, and since when. A row is never rewritten except to end it.
create table regie_assignment (
    id                  uuid         primary key,
    case_id             uuid         not null references support_case (id),
    kind                varchar(16)  not null check (kind in ('CASUSREGIE', 'PROCESREGIE')),
    holder_type         varchar(16)  not null check (holder_type in ('TEAM', 'PROFESSIONAL', 'HOUSEHOLD')),
    holder              varchar(100) not null,          -- team id, user name, or household id
    holder_organisation varchar(64),                    -- team or organisation of a professional
    started_at          timestamptz  not null,
    started_via         varchar(32)  not null,
    reason              varchar(2000),
    ended_at            timestamptz,
    version             bigint       not null default 0
);
-- Exactly one casusregisseur per case at any moment: at most one current casusregie row.
create unique index regie_one_casusregisseur on regie_assignment (case_id)
    where kind = 'CASUSREGIE' and ended_at is null;
create index regie_case on regie_assignment (case_id, started_at);

create table handover (
    id                    uuid          primary key,
    case_id               uuid          not null references support_case (id),
    scope                 varchar(16)   not null check (scope in ('REGIE', 'ACTIONS')),
    action_ids            jsonb         not null default '[]',
    sender                varchar(100)  not null,
    sender_organisation   varchar(64)   not null,
    receiver_organisation varchar(64)   not null references organisation (id),
    receiver_professional varchar(100),
    summary               jsonb         not null,     -- what is shared: built at proposal, limited by consent
    consent               jsonb         not null,
    joint_meeting_at      timestamptz,
    status                varchar(16)   not null check (status in ('PROPOSED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    overdue               boolean       not null default false,
    accept_before         timestamptz   not null,
    decided_by            varchar(100),
    decided_at            timestamptz,
    decline_reason        varchar(2000),
    created_at            timestamptz   not null,
    version               bigint        not null default 0
);
create index handover_case on handover (case_id);
create index handover_receiver on handover (receiver_organisation, status);

-- A case that seems stuck. Raised by the system (e.g. a handover not accepted in time); the
-- escalation work lets a procesregisseur pick them up.
create table stagnation_signal (
    id           uuid          primary key,
    case_id      uuid          not null references support_case (id),
    kind         varchar(48)   not null,
    reference_id uuid,
    description  varchar(2000) not null,
    raised_at    timestamptz   not null,
    resolved_at  timestamptz
);
create index stagnation_signal_open on stagnation_signal (raised_at) where resolved_at is null;
