-- Retention and erasure of personal data (docs/decisions/0019-retention-and-erasure.md).
-- Rows stay so that cases, moves and stays can still be counted; only what identifies or describes a
-- person is replaced.

-- Erasure happens in two steps when the terms differ: first the case files (free text about the
-- household), later what a toegang decision needs (the decision's reasons and who it was about).
alter table household add column case_file_erased_at timestamptz;
alter table household add column personal_data_erased_at timestamptz;

-- A request under AVG art. 17 and how the privacy officer decided it. Kept after the erasure it led
-- to: the controller has to be able to show what was asked and why it was (partly) refused.
create table erasure_request (
    id              uuid          primary key,
    household_id    uuid          not null references household (id),
    received_on     date          not null,
    channel         varchar(16)   not null check (channel in ('IN_PERSON', 'LETTER', 'EMAIL', 'PHONE', 'WEB_FORM')),
    status          varchar(16)   not null check (status in ('REQUESTED', 'GRANTED', 'PARTLY_GRANTED', 'REFUSED')),
    -- The ground of AVG art. 17(3) that keeps (some) data: (b), (d) or (e).
    legal_exception varchar(40)   check (legal_exception in ('LEGAL_OBLIGATION_OR_PUBLIC_TASK',
                                                             'ARCHIVING_IN_PUBLIC_INTEREST', 'LEGAL_CLAIMS')),
    explanation     varchar(4000),
    erased_scope    varchar(32)   check (erased_scope in ('ALL', 'CLOSED_CASE_FILES')),
    registered_by   varchar(100)  not null,
    registered_at   timestamptz   not null,
    decided_by      varchar(100),
    decided_at      timestamptz,
    executed_at     timestamptz,
    version         bigint        not null default 0,
    constraint erasure_request_exception_unless_granted check (
        (status = 'REQUESTED' and legal_exception is null)
        or (status = 'GRANTED' and legal_exception is null)
        or (status in ('PARTLY_GRANTED', 'REFUSED') and legal_exception is not null)),
    constraint erasure_request_decision_complete check (
        status = 'REQUESTED' or (decided_by is not null and decided_at is not null and explanation is not null))
);
create index erasure_request_household on erasure_request (household_id);
create index erasure_request_newest on erasure_request (received_on desc, registered_at desc);

-- The append-only and immutability rules stay, with one opening: a transaction that has said it erases
-- (set local wijkroute.erasure = 'on') may blank the free text of a row. Who, where and when stay
-- unchanged, so the history keeps counting. DELETE and TRUNCATE are refused always. This guards against
-- mistakes in code, not against someone who can run SQL as the application's user.
create or replace function step_history_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if current_setting('wijkroute.erasure', true) = 'on'
           and new.id = old.id and new.case_id = old.case_id
           and new.from_stage is not distinct from old.from_stage and new.to_stage = old.to_stage
           and new.actor = old.actor and new.moved_at = old.moved_at
           and new.reason is null then
            return new;
        end if;
    end if;
    raise exception 'step_history is append-only (% refused)', tg_op using errcode = 'restrict_violation';
end;
$$;

create or replace function plan_version_is_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if current_setting('wijkroute.erasure', true) = 'on'
           and new.plan_id = old.plan_id and new.number = old.number
           and new.changed_by = old.changed_by and new.changed_at = old.changed_at
           and new.change_note is null then
            return new;
        end if;
    end if;
    raise exception 'plan_version is immutable (% refused)', tg_op using errcode = 'restrict_violation';
end;
$$;

-- V5 refused UPDATE and DELETE only; a TRUNCATE would have emptied every plan's history at once.
create trigger plan_version_no_truncate
    before truncate on plan_version
    for each statement execute function plan_version_is_immutable();
