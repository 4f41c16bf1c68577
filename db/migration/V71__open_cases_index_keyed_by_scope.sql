-- Issue 14, decision 0064: safety for one team at 1,000,000 cases. The open cases' index of V68 (key
-- current_stage, carrying id, team_id and wijk_id) is read whole for one team too: 258,000 entries for the team's
-- 13,000 open cases, intersected with the team's cases as a bitmap and then read from the heap. With team and wijk
-- in the key, one team (or one team and wijk) is one index range, read from the index alone. All teams and the
-- business gauge (open cases per step) read the whole partial index as before and group the stages by hash.
-- Replaces the index, so every move of a case still writes as many index entries as before.
-- Run time on the benchmark's 1 M database: see decision 0064 (a build over 258,000 open cases).
drop index support_case_open_stage;
create index support_case_open_scope on support_case (team_id, wijk_id, current_stage) include (id)
    where status <> 'CLOSED';
