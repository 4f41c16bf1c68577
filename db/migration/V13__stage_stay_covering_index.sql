-- Lead times read every stay that ended in a period: a covering index lets PostgreSQL answer from the
-- index alone instead of visiting each row.
create index stage_stay_left_covering on stage_stay (left_at) include (entered_at, stage, team_id, wijk_id);
create index stage_stay_team_left_covering on stage_stay (team_id, left_at) include (entered_at, stage, wijk_id);
drop index stage_stay_left;
drop index stage_stay_team_left;
