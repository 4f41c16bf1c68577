-- Users are keyed by the token's stable sub (docs/decisions/0023); the user name is kept for display
-- only, since Keycloak lets it change. Rows written before this keep their user name as the key and
-- have no separate display name.

-- Step history: actor is the sub (or 'system'), actor_name the name shown in the case file.
alter table step_history add column actor_name varchar(100);

create or replace function step_history_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if current_setting('wijkroute.erasure', true) = 'on'
           and new.id = old.id and new.case_id = old.case_id
           and new.from_stage is not distinct from old.from_stage and new.to_stage = old.to_stage
           and new.actor = old.actor and new.actor_name is not distinct from old.actor_name
           and new.moved_at = old.moved_at
           and new.reason is null then
            return new;
        end if;
    end if;
    raise exception 'step_history is append-only (% refused)', tg_op using errcode = 'restrict_violation';
end;
$$;

-- Access log: user_id is the sub of whoever accessed; username stays as the name the privacy officer
-- and the resident read. The hash takes user_id in when present: concat_ws skips a null, so the
-- hashes of rows written before this still verify.
alter table access_log add column user_id varchar(100);
create index access_log_user_id on access_log (user_id, logged_at);

create or replace function access_log_digest(entry access_log) returns char(64) language sql immutable as $$
    select encode(sha256(convert_to(concat_ws('|',
        entry.id, entry.previous_hash,
        to_char(entry.logged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        entry.username, entry.user_role, coalesce(entry.organisation, ''),
        coalesce(entry.household_id::text, ''), coalesce(entry.case_id::text, ''),
        entry.data_category, entry.action, entry.purpose, entry.outcome, entry.break_glass::text,
        entry.user_id), 'UTF8')), 'hex')
$$;
