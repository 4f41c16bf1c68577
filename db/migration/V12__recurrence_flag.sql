-- Recurrence: "was this household signalled again within 12 months after its support ended?" is
-- answered once, when the later case opens, instead of searching all cases at every dashboard call.
alter table support_case add column recurred_within_12_months boolean not null default false;

update support_case c set recurred_within_12_months = true
where c.closed_at is not null and exists (
    select 1 from support_case later
    where later.household_id = c.household_id and later.id <> c.id
      and later.opened_at > c.closed_at and later.opened_at <= c.closed_at + interval '12 months');

create function support_case_mark_recurrence() returns trigger language plpgsql as $$
begin
    update support_case earlier set recurred_within_12_months = true
    where earlier.household_id = new.household_id and earlier.id <> new.id
      and earlier.closed_at is not null
      and earlier.closed_at < new.opened_at and earlier.closed_at >= new.opened_at - interval '12 months'
      and not earlier.recurred_within_12_months;
    return new;
end;
$$;
create trigger support_case_recurrence after insert on support_case
    for each row execute function support_case_mark_recurrence();
