-- Issue 13 item 9. A back-move is a move the BPMN marks as one (a "Terug ..." flow, or the toegang
-- refusal back to the plan; see decision 0028). The step recorder writes the mark with the move, so
-- the stagnation detector counts back-moves with one query instead of replaying each case's history.
alter table step_history add column back_move boolean not null default false;

-- Moves recorded before the mark existed: the route's back flows were the only moves from these stages
-- to these stages that carried a reason (evaluatie -> plan is "plan bijstellen", not a back-move).
alter table step_history disable trigger step_history_append_only;
update step_history set back_move = true
 where reason is not null
   and (from_stage, to_stage) in (('VRAAGVERHELDERING', 'TRIAGE'), ('PLAN', 'VRAAGVERHELDERING'), ('REGIE', 'PLAN'));
alter table step_history enable trigger step_history_append_only;

-- Erasure may still blank a reason, never the mark (it counts for the history, like who and when).
create or replace function step_history_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if current_setting('wijkroute.erasure', true) = 'on'
           and new.id = old.id and new.case_id = old.case_id
           and new.from_stage is not distinct from old.from_stage and new.to_stage = old.to_stage
           and new.actor = old.actor and new.actor_name is not distinct from old.actor_name
           and new.moved_at = old.moved_at
           and new.back_move = old.back_move
           and new.reason is null then
            return new;
        end if;
    end if;
    raise exception 'step_history is append-only (% refused)', tg_op using errcode = 'restrict_violation';
end;
$$;

create index step_history_back_moves on step_history (case_id, moved_at) where back_move;

-- At most one open stagnation signal per case and cause (its kind and what it is about: the case itself,
-- a handover, a deadline, an escalation). Older duplicates are resolved by the newest of them.
update stagnation_signal s set resolved_at = coalesce(
        (select max(d.raised_at) from stagnation_signal d
          where d.case_id = s.case_id and d.kind = s.kind and d.reference_id is not distinct from s.reference_id
            and d.resolved_at is null),
        s.raised_at)
 where s.resolved_at is null
   and exists (select 1 from stagnation_signal newer
                where newer.case_id = s.case_id and newer.kind = s.kind
                  and newer.reference_id is not distinct from s.reference_id and newer.resolved_at is null
                  and (newer.raised_at, newer.id) > (s.raised_at, s.id));
create unique index stagnation_signal_one_open_per_cause on stagnation_signal (case_id, kind, reference_id)
    nulls not distinct where resolved_at is null;
