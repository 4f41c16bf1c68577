-- Read models the privacy modules read with SQL instead of the owners' tables (issue 19, decision 0052).
-- Each view belongs to the module its name starts with and is declared in that module's <Owner>ReadModels
-- class; it carries only the columns its readers need (no free text). Views are inlined by PostgreSQL, so
-- the access gate's queries keep their plans.
-- A later migration that changes a column one of these views reads must drop and recreate the view.

-- route: the case row as the access gate, break-the-glass and retention see it.
create view route_case_scope_view as
select id, household_id, team_id, current_stage, status, opened_at, closed_at
from support_case;

-- handover: who received a warme overdracht and which leefgebieden the household consented to share.
create view handover_involvement_view as
select case_id, receiver_organisation, status, consent -> 'leefgebieden' as consent_leefgebieden
from handover;

-- plan: the organisations with an action in the current version of an active plan.
create view plan_action_organisation_view as
select p.case_id, jsonb_path_query_array(v.content, '$.goals[*].actions[*].organisationId') as organisation_ids
from plan p join plan_version v on v.plan_id = p.id and v.number = p.current_version
where p.status = 'ACTIVE';

-- toegang: the laws of a case's requests.
create view toegang_request_law_view as
select id, case_id, law, plan_action_id
from toegang_request;

-- escalation: an escalation's state and its procesregisseur (a user name).
create view escalation_involvement_view as
select case_id, status, procesregisseur
from escalation;

-- privacy.breakglass: the grants, without their reason.
create view privacy_breakglass_grant_view as
select case_id, username, granted_at, expires_at
from break_glass_access;

-- privacy.accesslog: the accesses made under a break-the-glass grant (for counting them per grant).
create view privacy_accesslog_break_glass_view as
select username, case_id, case_ids, logged_at
from access_log
where break_glass;
