-- Safety (issue 17, decision 0047): the meldcode record and the veiligheidsplan of a case.

-- The five steps of the Meldcode huiselijk geweld en kindermishandeling as the team records them.
-- Append-only: a step recorded again is a new row and the newest row per step counts, so what was
-- written earlier (and by whom) stays readable — the meldcode is accountability as much as work.
create table meldcode_entry (
    id                 bigserial     primary key,
    case_id            uuid          not null references support_case (id),
    step               varchar(16)   not null check (step in ('SIGNALEN', 'CONSULTATIE', 'GESPREK', 'AFWEGING', 'BESLISSEN')),
    done_on            date          not null,
    done_by            varchar(200)  not null,
    summary            varchar(2000) not null,
    -- Step 4, the afwegingskader's five questions, asked in order: a question the earlier answers
    -- made moot stays null (null on the other steps).
    suspicion          boolean,
    acute_or_structural boolean,
    can_help           boolean,
    help_accepted      boolean,
    help_leads_to_safety boolean,
    -- Step 5, the decision (null on the other steps).
    decision           varchar(24)   check (decision in ('MELDEN', 'HULP_ORGANISEREN', 'MELDEN_EN_HULP', 'GEEN')),
    decision_reason    varchar(2000),
    recorded_by        varchar(100)  not null,
    recorded_at        timestamptz   not null,
    check ((step = 'AFWEGING') = (suspicion is not null)),
    check ((step = 'BESLISSEN') = (decision is not null))
);
create index meldcode_entry_case on meldcode_entry (case_id, step, id);

-- The veiligheidsplan: one per case, its content in immutable versions like the plan's.
create table veiligheidsplan (
    id              uuid        primary key,
    case_id         uuid        not null unique references support_case (id),
    current_version int         not null,
    created_at      timestamptz not null,
    version         bigint      not null default 0
);

create table veiligheidsplan_version (
    plan_id     uuid          not null references veiligheidsplan (id),
    number      int           not null check (number >= 1),
    content     jsonb         not null,
    changed_by  varchar(100)  not null,
    changed_at  timestamptz   not null,
    change_note varchar(2000),
    primary key (plan_id, number)
);

create function veiligheidsplan_version_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'veiligheidsplan_version is immutable (% refused)', tg_op using errcode = 'restrict_violation';
end;
$$;
create trigger veiligheidsplan_version_immutable
    before update or delete on veiligheidsplan_version
    for each row execute function veiligheidsplan_version_is_immutable();
