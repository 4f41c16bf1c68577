-- Issue 14 (request path work): "has this case ever had a safety concern" (decision 0048) was answered by
-- reading six sources on every plan/evaluatie completion and every resident /me call. The safety module
-- now keeps the answer as one row per case, written by safety.SafetyConcerns#record when any source
-- records a concern (a safety or CRISIS signal, a triage with a safety concern, the case entering
-- veiligheid, a safety check with someone not safe, a meldcode entry, a veiligheidsplan); once there,
-- never removed (once yes, always yes). The rule's wording stays in SafetyConcerns; this table is its memo.
-- No personal data: a case id and when the concern was first recorded.
create table safety_concern (
    case_id uuid        primary key references support_case (id),
    since   timestamptz not null
);

-- The cases that had a concern before this migration, from the same six sources (the earliest known time).
insert into safety_concern (case_id, since)
select case_id, min(at) from (
    select case_id, received_at as at from signal where safety_concern or urgency = 'CRISIS'
    union all
    select case_id, assessed_at from triage_assessment where safety_concern
    union all
    select case_id, moved_at from step_history where to_stage = 'VEILIGHEID'
    union all
    select case_id, checked_at from safety_check where not everyone_safe
    union all
    select case_id, recorded_at from meldcode_entry
    union all
    select case_id, created_at from veiligheidsplan
) concerns
group by case_id;
