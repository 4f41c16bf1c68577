-- Work in progress "now" counts the open stays only: a small partial index answers it without
-- touching the history.
create index stage_stay_open_team_stage on stage_stay (team_id, wijk_id, stage) where left_at is null;
