-- The retention job pseudonymises a closed case file (decision 0019); the meldcode record and the
-- veiligheidsplan hold the most sensitive free text of all (what happened, who must stay away), so they
-- go with it. veiligheidsplan_version stays immutable for the application: only the eraser, with
-- wijkroute.erasure on in its own transaction, may rewrite a version's content and drop its change note,
-- keeping its key, author and time (as for plan_version, V15).
create or replace function veiligheidsplan_version_is_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if current_setting('wijkroute.erasure', true) = 'on'
           and new.plan_id = old.plan_id and new.number = old.number
           and new.changed_by = old.changed_by and new.changed_at = old.changed_at
           and new.change_note is null then
            return new;
        end if;
    end if;
    raise exception 'veiligheidsplan_version is immutable (% refused)', tg_op using errcode = 'restrict_violation';
end;
$$;

create trigger veiligheidsplan_version_no_truncate
    before truncate on veiligheidsplan_version
    for each statement execute function veiligheidsplan_version_is_immutable();
