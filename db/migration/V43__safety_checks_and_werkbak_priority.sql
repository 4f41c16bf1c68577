-- Issue 17 item 3: "is iedereen nu veilig, en hoe weten we dat", asked at the plan step, at every evaluatie
-- and when a safety signal arrives on an open case, per household member. One row per time it was asked
-- (the history the team reads back), one answer row per member.
create table safety_check (
    id            uuid          primary key,
    case_id       uuid          not null references support_case (id),
    -- the task the check was answered in: plan, evaluatie or veiligheidNieuwSignaal
    step          varchar(40)   not null,
    everyone_safe boolean       not null,
    -- lasting risk: the case gets the long nazorg with repeated checks (decision 0048)
    lasting_risk  boolean       not null,
    checked_by    varchar(100)  not null,
    checked_at    timestamptz   not null
);
create index safety_check_case on safety_check (case_id, checked_at);

create table safety_check_answer (
    safety_check_id uuid           not null references safety_check (id) on delete cascade,
    member_id       uuid           not null references household_member (id),
    safe            boolean        not null,
    how_we_know     varchar(2000)  not null,
    primary key (safety_check_id, member_id)
);

-- The werkbak now shows a task the engine gave a higher priority first (the safety task after a new
-- safety signal, priority 100; every other task has the engine's default 50), then soonest due as
-- before. The index follows that order so the page is still read from the index, not sorted (V29).
create index werkbak_task_priority_due_id on act_ru_task (priority_ desc, due_date_, id_);
drop index werkbak_task_due_id;
