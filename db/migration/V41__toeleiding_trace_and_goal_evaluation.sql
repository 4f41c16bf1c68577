-- Issue 16 items 4 and 5 (decision 0046).
--
-- The trace a toeleiding leaves: what the household was connected to (an organisation from the partner
-- register, or a named voorziening in the voorliggend veld) and whether the voorliggend veld was used
-- before any maatwerk request. One row per completed toeleiding step (a reopened case can pass it again);
-- written once, never changed. The names are copied as they were then: a register change later does not
-- rewrite what toegang was told.
create table toeleiding_trace (
    id                    uuid          primary key,
    case_id               uuid          not null references support_case (id),
    outcome               varchar(24)   not null check (outcome in ('CONNECTED', 'NEEDS_FULL_ROUTE')),
    connection_kind       varchar(16)   check (connection_kind in ('ORGANISATION', 'VOORZIENING')),
    organisation_id       varchar(64)   references organisation (id),
    connected_to          varchar(200),
    in_voorliggend_veld   boolean       not null,
    voorliggend_veld_used boolean       not null,
    recorded_by           varchar(100)  not null,
    recorded_at           timestamptz   not null,
    constraint toeleiding_trace_connection check ((outcome = 'CONNECTED') = (connection_kind is not null)
        and (connection_kind is null) = (connected_to is null)
        and (connection_kind = 'ORGANISATION') = (organisation_id is not null)),
    -- Connected in the voorliggend veld is using it.
    constraint toeleiding_trace_used check (not in_voorliggend_veld or voorliggend_veld_used)
);
create index toeleiding_trace_case on toeleiding_trace (case_id, recorded_at);
-- The dashboard's short-route indicator reads the traces recorded in a period.
create index toeleiding_trace_recorded on toeleiding_trace (recorded_at);

-- Whether a plan goal was attained, recorded at evaluatie (the plan itself records only what was agreed).
-- Kept as a history: a goal evaluated again gets a new row; the dashboard counts each goal's latest.
-- The goal's leefgebied is copied so that the indicator needs no walk through the plan versions' jsonb.
create table plan_goal_evaluation (
    id           uuid          primary key,
    case_id      uuid          not null references support_case (id),
    plan_id      uuid          not null references plan (id),
    goal_id      uuid          not null,
    leefgebied   varchar(48)   not null,
    attainment   varchar(16)   not null check (attainment in ('ATTAINED', 'PARTLY', 'NOT_ATTAINED')),
    evaluated_by varchar(100)  not null,
    evaluated_at timestamptz   not null
);
create index plan_goal_evaluation_case on plan_goal_evaluation (case_id, goal_id, evaluated_at);
create index plan_goal_evaluation_evaluated on plan_goal_evaluation (evaluated_at);
