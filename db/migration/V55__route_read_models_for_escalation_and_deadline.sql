-- Issue 19 (decision 0052's convention): other modules read the case and its moves with SQL only through
-- views route publishes, declared in nl.wijkroute.route.RouteReadModels (the Javadoc there lists each view's
-- columns, meaning and readers). Here for escalation's stagnation detection and deadline's list of terms at
-- risk; the dashboard reads the same views. Plain projections of one table each, so PostgreSQL inlines them
-- and the readers' plans keep support_case's and step_history's indexes. No free text, no personal data.
-- A later migration that changes a column one of these views reads must drop and recreate the view.

create view route_case_view as
select id as case_id, household_id, team_id, wijk_id, status, current_stage, opened_at, closed_at,
       recurred_within_12_months, stage_entered_at
from support_case;

create view route_step_history_view as
select case_id, to_stage, moved_at, back_move, actor
from step_history;
