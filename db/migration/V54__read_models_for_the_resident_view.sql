-- Issue 19 (decision 0053): the resident view (privacy.resident) no longer reads other modules' tables. Each
-- owner publishes what the view needs as a read-only VIEW, declared in its <Owner>ReadModels class with the
-- columns, what a row means and who reads it. PostgreSQL inlines these simple views into the reader's query,
-- so the plans and the number of statements stay as they were.
-- A later migration that changes a column these views read (or drops their table) must drop and recreate
-- the view in the same migration: PostgreSQL refuses to alter a column a view depends on.

-- household: a member with a known BSN and their household (HouseholdReadModels.MEMBER_BY_BSN).
create view household_member_by_bsn_view as
select m.id as member_id, m.household_id, h.display_name as household_name, m.bsn
from household_member m join household h on h.id = m.household_id
where m.bsn is not null;

-- household: how to reach a wijkteam (HouseholdReadModels.TEAM_CONTACT).
create view household_team_contact_view as
select id, name, phone, email from team;

-- route: a case's place in the route (RouteReadModels.CASE_STAGE).
create view route_case_stage_view as
select id, household_id, team_id, status, current_stage, stage_entered_at, opened_at from support_case;

-- deadline: the legal terms not yet met (DeadlineReadModels.OPEN_TERM).
create view deadline_open_term_view as
select id, case_id, toegang_request_id, legal_basis, due_on, status from legal_deadline where status <> 'MET';

-- toegang: a request's law and the plan action it was made for (ToegangReadModels.REQUEST_LAW).
-- (created in V52 with these columns: id, case_id, law, plan_action_id)

-- regie: who holds the casusregie of a case now (RegieReadModels.CURRENT_CASUSREGIE).
create view regie_current_casusregie_view as
select case_id, holder_type, holder, holder_organisation from regie_assignment
where kind = 'CASUSREGIE' and ended_at is null;

-- partner: an organisation's name and type (PartnerReadModels.ORGANISATION_TYPE).
-- (created in V53 with these columns: id, name, type)

-- privacy.accesslog: the granted looks at data, without the user name (AccessLogReadModels.GRANTED_ACCESS).
create view privacy_accesslog_granted_access_view as
select id, logged_at, user_role, organisation, household_id, household_ids, case_id, data_category, action, purpose,
       break_glass
from access_log where outcome = 'GRANTED';
