-- Partners work in the plan (issue 16, decision 0043). An action's status and its progress notes are
-- kept beside the plan versions: they change often, need no new agreement of the household and are no
-- content change. A partner's proposal to change the content waits here for the casusregisseur.

-- The live status of one action of a plan; the revision is what a client builds on (optimistic locking).
create table plan_action_state (
    plan_id     uuid          not null references plan (id),
    action_id   uuid          not null,
    status      varchar(16)   not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    stop_reason varchar(2000),
    revision    int           not null check (revision >= 1),
    updated_by  varchar(100)  not null,
    updated_at  timestamptz   not null,
    version     bigint        not null default 0,
    primary key (plan_id, action_id)
);

-- Every status change and progress note, in order; only added to (an erasure may blank the text).
create table plan_action_event (
    id              uuid          primary key,
    plan_id         uuid          not null references plan (id),
    action_id       uuid          not null,
    kind            varchar(16)   not null check (kind in ('STATUS', 'NOTE')),
    status_from     varchar(16),
    status_to       varchar(16),
    note_date       date,
    text            varchar(4000),
    author          varchar(100)  not null,
    organisation_id varchar(64),
    recorded_at     timestamptz   not null,
    check ((kind = 'STATUS' and status_to is not null) or (kind = 'NOTE' and note_date is not null))
);
create index plan_action_event_action on plan_action_event (plan_id, action_id, recorded_at);

create function plan_action_event_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('wijkroute.erasure', true) = 'on'
       and new.id = old.id and new.kind = old.kind and new.author = old.author and new.recorded_at = old.recorded_at
       and new.status_from is not distinct from old.status_from and new.status_to is not distinct from old.status_to
       and new.text is null then
        return new;
    end if;
    raise exception 'plan_action_event is append-only (% refused)', tg_op using errcode = 'restrict_violation';
end;
$$;
create trigger plan_action_event_append_only
    before update or delete on plan_action_event
    for each row execute function plan_action_event_is_append_only();

-- A partner's proposed change of the plan's content: a new goal, a new action, or another target date.
create table plan_change_proposal (
    id                  uuid          primary key,
    plan_id             uuid          not null references plan (id),
    case_id             uuid          not null references support_case (id),
    organisation_id     varchar(64)   not null,
    proposed_by         varchar(100)  not null,
    proposed_at         timestamptz   not null,
    based_on_version    int           not null,
    kind                varchar(16)   not null check (kind in ('NEW_GOAL', 'NEW_ACTION', 'TARGET_DATE')),
    goal_id             uuid,
    leefgebied          varchar(40),
    member_id           uuid,
    goal_description    varchar(2000),
    goal_result         varchar(2000),
    target_date         date,
    action_description  varchar(2000),
    action_owner_type   varchar(16),
    action_professional varchar(100),
    motivation          varchar(2000),
    status              varchar(16)   not null check (status in ('PROPOSED', 'ACCEPTED', 'DECLINED')),
    decided_by          varchar(100),
    decided_at          timestamptz,
    decline_reason      varchar(2000),
    accepted_in_version int,
    version             bigint        not null default 0
);
create index plan_change_proposal_plan on plan_change_proposal (plan_id, proposed_at);
create index plan_change_proposal_case on plan_change_proposal (case_id);
