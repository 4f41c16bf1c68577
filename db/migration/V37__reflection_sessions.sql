-- The reflectietool "Ruimte geeft vaart" (seeds 000/002, issue 18): reflection sessions on the nine
-- themes, their participants, scores, conversation notes and actions, and the knelpunten procesregisseurs
-- file for the next session. Nothing here holds a resident's personal data: free text is checked for
-- BSN patterns by the service and flagged as not-for-personal-data in the API description.

create table reflection_session (
    id                  uuid          primary key,
    scope_type          varchar(16)   not null check (scope_type in ('MUNICIPALITY', 'TEAM', 'WIJK')),
    scope_id            varchar(64),
    form                varchar(16)   not null check (form in ('KWALITEITSSCAN', 'DOMPELSESSIE')),
    session_date        date          not null,
    facilitator         varchar(100)  not null,
    organised_by        varchar(100)  not null,
    previous_session_id uuid          references reflection_session (id),
    status              varchar(16)   not null check (status in ('PLANNED', 'SCORING', 'PRIORITISING', 'CONVERSATION',
                                                                 'ACTIONS', 'CLOSED')),
    scoring_closes_at   timestamptz   not null,
    evidence_from       date          not null,
    evidence_to         date          not null,
    evidence            jsonb,
    evidence_frozen_at  timestamptz,
    chosen_themes       jsonb         not null default '[]'::jsonb,
    created_at          timestamptz   not null,
    closed_at           timestamptz,
    -- The municipality as a whole has no id; a team or wijk always has one.
    constraint reflection_session_scope check ((scope_type = 'MUNICIPALITY') = (scope_id is null)),
    constraint reflection_session_period check (evidence_from <= evidence_to)
);
-- "The previous session of the same scope" and the trend per scope read this slice.
create index reflection_session_scope on reflection_session (scope_type, coalesce(scope_id, ''), session_date);

-- Invited participants by their stable id (token sub); a worker or, with the reflectie-deelnemer role,
-- a resident, client representative, wethouder or external facilitator.
create table reflection_participant (
    id          uuid          primary key,
    session_id  uuid          not null references reflection_session (id),
    user_id     varchar(100)  not null,
    perspective varchar(32)   not null check (perspective in ('UITVOERING', 'LEIDINGGEVENDE', 'BELEID', 'BESTUUR',
                                                              'INWONER', 'PARTNER')),
    discipline  varchar(100)  not null,
    invited_by  varchar(100)  not null,
    invited_at  timestamptz   not null,
    constraint reflection_participant_once unique (session_id, user_id)
);

-- One score per participant and theme; read only as aggregates, never per person.
create table reflection_score (
    participant_id uuid         not null references reflection_participant (id),
    session_id     uuid         not null references reflection_session (id),
    theme          varchar(32)  not null,
    score          smallint     not null check (score between 1 and 10),
    scored_at      timestamptz  not null,
    primary key (participant_id, theme)
);
create index reflection_score_session on reflection_score (session_id, theme);

-- The conversation on a chosen theme (one note per session and theme).
create table reflection_note (
    id                   uuid           primary key,
    session_id           uuid           not null references reflection_session (id),
    theme                varchar(32)    not null,
    knelpunten           varchar(4000),
    stellingen           jsonb          not null default '[]'::jsonb,
    casus                varchar(4000),
    oplossingsrichtingen varchar(4000),
    updated_by           varchar(100)   not null,
    updated_at           timestamptz    not null,
    constraint reflection_note_once unique (session_id, theme)
);

-- Actions agreed in the session, to try out and evaluate (default one month after the start).
create table reflection_action (
    id                   uuid           primary key,
    session_id           uuid           not null references reflection_session (id),
    theme                varchar(32)    not null,
    goal                 varchar(2000)  not null,
    tomorrow             varchar(2000)  not null,
    needs                varchar(2000),
    owner                varchar(200)   not null,
    start_date           date           not null,
    evaluation_date      date           not null,
    policy_change_needed boolean        not null default false,
    policy_owner         varchar(200),
    status               varchar(16)    not null check (status in ('OPEN', 'EVALUATED')),
    evaluation           varchar(4000),
    evaluated_at         timestamptz,
    evaluated_by         varchar(100),
    -- The weekly reminder of bpmn/reflectie.bpmn counts on overdue actions (the managers' tile shows them).
    reminders            integer        not null default 0,
    last_reminded_at     timestamptz,
    created_by           varchar(100)   not null,
    created_at           timestamptz    not null,
    constraint reflection_action_dates check (evaluation_date >= start_date),
    constraint reflection_action_policy_owner check (not policy_change_needed or policy_owner is not null)
);
create index reflection_action_open on reflection_action (evaluation_date) where status = 'OPEN';
create index reflection_action_session on reflection_action (session_id);

-- A recurring bottleneck a procesregisseur saw, tagged with a theme: input for the next session of its scope.
create table reflection_knelpunt (
    id          uuid           primary key,
    theme       varchar(32)    not null,
    scope_type  varchar(16)    not null check (scope_type in ('MUNICIPALITY', 'TEAM', 'WIJK')),
    scope_id    varchar(64),
    description varchar(2000)  not null,
    filed_by    varchar(100)   not null,
    filed_at    timestamptz    not null,
    constraint reflection_knelpunt_scope check ((scope_type = 'MUNICIPALITY') = (scope_id is null))
);
create index reflection_knelpunt_scope on reflection_knelpunt (scope_type, coalesce(scope_id, ''), filed_at);
