-- What follows a toegang decision (issue 17 item 5, decision 0050): whether independent
-- cliëntondersteuning was offered with a (partial) refusal, the day the decision was sent (the
-- bezwaartermijn runs from the day after, Awb 6:8), the grant's period and its herindicatie, and the
-- household's bezwaar with its outcome. The beslistermijn on the bezwaar is a legal_deadline like the others.

alter table toegang_request
    add column clientondersteuning_offered boolean,
    add column decision_sent_on            date,
    add column bezwaar_term_ends_on        date,
    add column granted_from                date,
    add column granted_until               date,
    add column herindicatie_on             date,
    add column herindicatie_done_at        timestamptz,
    add constraint toegang_request_grant_period check (granted_until is null or granted_from < granted_until);

-- Awb 7:10 lid 3: the beslistermijn on a bezwaar may be extended (verdaagd) by at most six weeks.
alter table legal_deadline add column extended_weeks int not null default 0, add column extension_reason varchar(2000);

create table toegang_bezwaar (
    id                 uuid          primary key,
    toegang_request_id uuid          not null unique references toegang_request (id),
    case_id            uuid          not null references support_case (id),
    law                varchar(24)   not null check (law in ('WMO', 'JEUGDWET', 'PARTICIPATIEWET', 'WGS')),
    received_on        date          not null,
    timely             boolean       not null,
    advisory_committee boolean       not null,
    -- The decision the bezwaar is against, kept when a gegrond bezwaar replaces it (Awb 7:11 lid 2).
    original_outcome   varchar(16)   not null check (original_outcome in ('GRANTED', 'PARTLY', 'REFUSED')),
    outcome            varchar(20)   check (outcome in ('GEGROND', 'ONGEGROND', 'NIET_ONTVANKELIJK', 'INGETROKKEN')),
    outcome_reason     varchar(2000),
    decided_by         varchar(100),
    decided_at         timestamptz,
    recorded_by        varchar(100)  not null,
    recorded_at        timestamptz   not null,
    version            bigint        not null default 0
);
create index toegang_bezwaar_case on toegang_bezwaar (case_id);
-- The dashboard counts bezwaren per law and outcome by the month they were received.
create index toegang_bezwaar_received on toegang_bezwaar (received_on, law);
