-- 1 gezin, 1 plan: one living plan per household, every change an immutable version.

create table plan (
    id              uuid        primary key,
    household_id    uuid        not null references household (id),
    case_id         uuid        not null references support_case (id),
    status          varchar(16) not null check (status in ('ACTIVE', 'CLOSED')),
    current_version int         not null,
    created_at      timestamptz not null,
    closed_at       timestamptz,
    version         bigint      not null default 0
);
-- The database refuses a second active plan for a household, whatever the code does.
create unique index plan_one_active_per_household on plan (household_id) where status = 'ACTIVE';
create index plan_case on plan (case_id);

-- A version is never changed: goals, actions and the household's agreement as they were then.
create table plan_version (
    plan_id     uuid          not null references plan (id),
    number      int           not null check (number >= 1),
    content     jsonb         not null,
    changed_by  varchar(100)  not null,
    changed_at  timestamptz   not null,
    change_note varchar(2000),
    primary key (plan_id, number)
);

create function plan_version_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'plan_version is immutable (% refused)', tg_op using errcode = 'restrict_violation';
end;
$$;
create trigger plan_version_immutable
    before update or delete on plan_version
    for each row execute function plan_version_is_immutable();
