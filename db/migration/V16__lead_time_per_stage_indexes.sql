-- Lead times per stage at scale (issue 7): each stay keeps its duration, written when it ends, and an
-- index per stage (and per team and stage) holds the durations of the stays ending in a period in
-- order of time. The dashboard asks per stage (a UNION ALL PostgreSQL runs in parallel) and sorts
-- plain doubles instead of computing and sorting numeric intervals for every row.

alter table stage_stay add column duration_seconds double precision;
update stage_stay set duration_seconds = date_part('epoch', left_at - entered_at) where left_at is not null;

create or replace function stage_stay_follow_move() returns trigger language plpgsql as $$
begin
    update stage_stay set left_at = new.moved_at, duration_seconds = date_part('epoch', new.moved_at - entered_at)
    where case_id = new.case_id and left_at is null;
    if new.to_stage <> 'AFGESLOTEN' then
        insert into stage_stay (case_id, team_id, wijk_id, stage, entered_at)
        select c.id, c.team_id, h.wijk_id, new.to_stage, new.moved_at
        from support_case c join household h on h.id = c.household_id
        where c.id = new.case_id;
    end if;
    return new;
end;
$$;

create index stage_stay_stage_left_duration on stage_stay (stage, left_at) include (duration_seconds, team_id, wijk_id);
create index stage_stay_team_stage_left_duration on stage_stay (team_id, stage, left_at) include (duration_seconds, wijk_id);

-- The whole route's lead time reads opened_at of the cases closed in a period: from the index alone.
create index support_case_closed_covering on support_case (closed_at) include (opened_at, team_id, wijk_id)
    where closed_at is not null;
drop index support_case_closed;
