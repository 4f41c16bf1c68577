-- Read models of retention's set-wise query for the households whose terms may have ended (issue 19,
-- decision 0052). Each view belongs to the module its name starts with and is declared in that module's
-- <Owner>ReadModels class. A later migration that changes a column one of these views reads must drop and
-- recreate the view.

-- household: how far a household has been erased (no names, no numbers).
create view household_erasure_state_view as
select id, case_file_erased_at, personal_data_erased_at
from household;

-- partner: the kind of each organisation of the register (JEUGDHULP makes the Jeugdwet's terms apply).
create view partner_organisation_type_view as
select id, name, type
from organisation;

-- plan: the organisation of every action in every version of a household's plans (the history counts: an
-- action once with a jeugdhulp organisation keeps the household under the Jeugdwet's terms).
create view plan_version_action_organisation_view as
select p.household_id, p.case_id, a ->> 'organisationId' as organisation_id
from plan p
join plan_version v on v.plan_id = p.id
cross join lateral jsonb_array_elements(
    case when jsonb_typeof(v.content -> 'goals') = 'array' then v.content -> 'goals' else '[]' end) g
cross join lateral jsonb_array_elements(
    case when jsonb_typeof(g -> 'actions') = 'array' then g -> 'actions' else '[]' end) a;
