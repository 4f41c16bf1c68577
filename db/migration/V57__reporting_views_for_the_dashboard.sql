-- Issue 19 (decision 0052's convention): the dashboard reads other modules' data with SQL only through
-- views those modules publish for reporting, named <owner>_<what>_view and declared in the owner's
-- <Owner>ReadModels class (the Javadoc there lists each view's columns, meaning and readers).
-- Each view selects from one table of its owner (plain projections, so PostgreSQL inlines them and the
-- dashboard's plans keep their indexes): identifiers, team and wijk ids, stages, statuses, dates and
-- counts; no free text and no personal data beyond the professional ids the involvement indicator counts.
-- A later migration that changes a column one of these views reads must drop and recreate the view.

-- route
-- route_case_view: created in V55 (these columns, plus stage_entered_at)

create view route_stage_stay_view as
select case_id, team_id, wijk_id, stage, entered_at, left_at, duration_seconds
from stage_stay;

-- route_step_history_view: created in V55 (case_id, to_stage, moved_at, back_move, actor)

-- signal
create view signal_signal_view as
select case_id, team_id, wijk_id, source_type, received_at, safety_concern
from signal;

-- triage
create view triage_safety_concern_view as
select case_id, assessed_at, safety_concern
from triage_assessment;

-- deadline
create view deadline_legal_term_view as
select id as deadline_id, case_id, toegang_request_id, due_on, status, breached, suspended_days
from legal_deadline;

create view deadline_suspension_view as
select deadline_id
from deadline_suspension;

-- toegang
create view toegang_request_view as
select id as request_id, case_id, law, outcome, requested_at, decided_at, requested_by, decided_by
from toegang_request;

create view toegang_bezwaar_view as
select case_id, law, outcome, received_on, timely
from toegang_bezwaar;

-- escalation: of the doorbraak only when the casusoverleg took it and whether it named a payer.
create view escalation_escalation_view as
select case_id, cause, status, raised_at, doorbraak is not null as doorbraak,
       cast(doorbraak ->> 'casusoverlegAt' as timestamptz) as casusoverleg_at,
       nullif(doorbraak ->> 'payer', '') is not null as payer_named
from escalation;

-- handover
create view handover_handover_view as
select case_id, status, created_at, decided_at, sender, decided_by, receiver_organisation
from handover;

-- regie
create view regie_assignment_view as
select case_id, kind, holder_type, holder, holder_organisation, started_at, ended_at
from regie_assignment;

-- plan
create view plan_goal_evaluation_view as
select case_id, goal_id, leefgebied, attainment, evaluated_at
from plan_goal_evaluation;

create view plan_version_view as
select p.case_id, v.changed_by, v.changed_at
from plan p join plan_version v on v.plan_id = p.id;

-- One row per partner action in any version of a case's plan: the organisation that owns it.
create view plan_partner_action_view as
select p.case_id, a ->> 'organisationId' as organisation_id
from plan p join plan_version v on v.plan_id = p.id
cross join lateral jsonb_array_elements(v.content -> 'goals') g
cross join lateral jsonb_array_elements(g -> 'actions') a
where a ->> 'ownerType' = 'PARTNER';

-- toeleiding
create view toeleiding_trace_view as
select case_id, outcome, in_voorliggend_veld, voorliggend_veld_used, recorded_at
from toeleiding_trace;

-- assessment: scores only (the leefgebied grid's notes stay out).
create view assessment_leefgebied_score_view as
select case_id, member_id, leefgebied, score, assessed_at, seq
from leefgebied_assessment;

-- safety: which meldcode step was done on which day, nothing of its content.
create view safety_meldcode_step_view as
select case_id, step, done_on
from meldcode_entry;
