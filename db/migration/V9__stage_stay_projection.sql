-- A projection of the step history for the dashboard: one row per stay of a case in a stage, with
-- the case's team and wijk, so lead times and work in progress need no window function over the
-- whole history. Maintained by a trigger on step_history (the only writer of moves), so it cannot
-- drift from the history, whoever inserts.

create table stage_stay (
    case_id    uuid        not null references support_case (id),
    team_id    varchar(64) not null,
    wijk_id    varchar(64) not null,
    stage      varchar(32) not null,
    entered_at timestamptz not null,
    left_at    timestamptz
);
create index stage_stay_open on stage_stay (case_id) where left_at is null;
create index stage_stay_left on stage_stay (left_at, team_id);
create index stage_stay_team_left on stage_stay (team_id, left_at);
create index stage_stay_entered on stage_stay (entered_at);

create function stage_stay_follow_move() returns trigger language plpgsql as $$
begin
    update stage_stay set left_at = new.moved_at where case_id = new.case_id and left_at is null;
    if new.to_stage <> 'AFGESLOTEN' then
        insert into stage_stay (case_id, team_id, wijk_id, stage, entered_at)
        select c.id, c.team_id, h.wijk_id, new.to_stage, new.moved_at
        from support_case c join household h on h.id = c.household_id
        where c.id = new.case_id;
    end if;
    return new;
end;
$$;
create trigger step_history_feeds_stage_stay
    after insert on step_history
    for each row execute function stage_stay_follow_move();

-- Existing history (dev databases): the same stays, computed once.
insert into stage_stay (case_id, team_id, wijk_id, stage, entered_at, left_at)
select s.case_id, c.team_id, h.wijk_id, s.to_stage, s.moved_at, s.left_at
from (select case_id, to_stage, moved_at,
             lead(moved_at) over (partition by case_id order by moved_at, id) as left_at
      from step_history) s
join support_case c on c.id = s.case_id
join household h on h.id = c.household_id
where s.to_stage <> 'AFGESLOTEN';

-- Recurrence looks for a later case of the same household.
create index support_case_household_opened on support_case (household_id, opened_at);
-- Cases whose support ended in a period (flow, front door, recurrence, whole-route lead time).
create index support_case_closed on support_case (closed_at) where closed_at is not null;
create index support_case_opened on support_case (opened_at);
create index signal_received on signal (received_at);
