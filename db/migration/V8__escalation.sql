-- Escalation of stuck cases to a procesregisseur, and the doorbraak with its follow-up.

create table escalation (
    id                 uuid          primary key,
    case_id            uuid          not null references support_case (id),
    cause              varchar(40)   not null,
    description        varchar(4000) not null,
    source             varchar(16)   not null check (source in ('WORKER', 'DETECTION')),
    stagnation_signal  uuid          references stagnation_signal (id),
    raised_by          varchar(100)  not null,
    raised_at          timestamptz   not null,
    status             varchar(16)   not null check (status in ('OPEN', 'TAKEN', 'DOORBRAAK', 'DEESCALATED')),
    procesregisseur    varchar(100),
    taken_at           timestamptz,
    doorbraak          jsonb,
    deescalated_at     timestamptz,
    deescalation_note  varchar(2000),
    version            bigint        not null default 0
);
-- One escalation at a time per case: a second one joins the first.
create unique index escalation_one_open_per_case on escalation (case_id) where status <> 'DEESCALATED';

-- What the doorbraak agreed must happen next, each with its own deadline.
create table doorbraak_action (
    id              uuid          primary key,
    escalation_id   uuid          not null references escalation (id),
    description     varchar(2000) not null,
    organisation_id varchar(64)   not null references organisation (id),
    due_on          date          not null,
    done_on         date
);
create index doorbraak_action_escalation on doorbraak_action (escalation_id);

-- At most one procesregisseur per case at a time (casusregie has its own rule in V6).
create unique index regie_one_procesregisseur on regie_assignment (case_id)
    where kind = 'PROCESREGIE' and ended_at is null;
