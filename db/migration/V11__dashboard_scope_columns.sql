-- The dashboard filters by team and wijk over large tables. Copies of a case's team and wijk on the
-- rows it counts spare a join per row. They are filled by triggers from the case (and its household),
-- so they cannot disagree with it and no code has to remember them.

alter table support_case add column wijk_id varchar(64);
update support_case c set wijk_id = h.wijk_id from household h where h.id = c.household_id;
alter table support_case alter column wijk_id set not null;

create function support_case_copy_wijk() returns trigger language plpgsql as $$
begin
    select wijk_id into new.wijk_id from household where id = new.household_id;
    return new;
end;
$$;
create trigger support_case_wijk before insert on support_case
    for each row execute function support_case_copy_wijk();

alter table signal add column team_id varchar(64);
alter table signal add column wijk_id varchar(64);
update signal s set team_id = c.team_id, wijk_id = c.wijk_id from support_case c where c.id = s.case_id;
alter table signal alter column team_id set not null;
alter table signal alter column wijk_id set not null;

create function signal_copy_scope() returns trigger language plpgsql as $$
begin
    select team_id, wijk_id into new.team_id, new.wijk_id from support_case where id = new.case_id;
    return new;
end;
$$;
create trigger signal_scope before insert on signal
    for each row execute function signal_copy_scope();

create index signal_team_received on signal (team_id, received_at);
create index support_case_team_opened on support_case (team_id, opened_at);
create index support_case_team_closed on support_case (team_id, closed_at) where closed_at is not null;
