-- Issue 17 item 4: on a case that ever had a safety concern the resident view hides the step and the
-- regisseur (a possible perpetrator in the household must not learn that a concern was raised), until the
-- team decides the household may see them. Every such decision is a row: who, when, why; the latest counts.
-- Append-only like the step history, so the trail of who opened or closed the view stays.
create table resident_view_disclosure (
    id           bigserial     primary key,
    case_id      uuid          not null references support_case (id),
    safe_to_show boolean       not null,
    reason       varchar(2000) not null,
    decided_by   varchar(100)  not null,
    decided_at   timestamptz   not null
);
create index resident_view_disclosure_case on resident_view_disclosure (case_id, id);

create function resident_view_disclosure_is_append_only() returns trigger language plpgsql as $$
begin
    -- Erasure (decision 0019, set local wijkroute.erasure = 'on') may blank the reason; nothing else changes.
    if tg_op = 'UPDATE' and current_setting('wijkroute.erasure', true) = 'on'
       and new.id = old.id and new.case_id = old.case_id and new.safe_to_show = old.safe_to_show
       and new.decided_by = old.decided_by and new.decided_at = old.decided_at then
        return new;
    end if;
    raise exception 'resident_view_disclosure is append-only (% refused)', tg_op using errcode = 'restrict_violation';
end;
$$;
create trigger resident_view_disclosure_append_only
    before update or delete on resident_view_disclosure
    for each row execute function resident_view_disclosure_is_append_only();
create trigger resident_view_disclosure_no_truncate
    before truncate on resident_view_disclosure
    for each statement execute function resident_view_disclosure_is_append_only();
