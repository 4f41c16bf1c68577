-- Since V39 a handover's receiver names an organisation or a wijkteam in one namespace (decision 0044):
-- an organisation with a team's id would give its partner users scope on the cases handed back to that
-- team. Neither table may take an id the other holds. Existing data must already be clean: a collision
-- is a privacy defect to resolve by hand, not one to migrate past.
do $$
begin
    if exists (select 1 from organisation o join team t on t.id = o.id) then
        raise exception 'an organisation shares its id with a team; rename it before migrating';
    end if;
end
$$;

create function organisation_id_not_a_team() returns trigger language plpgsql as $$
begin
    if exists (select 1 from team where id = new.id) then
        raise check_violation using message = 'organisation id is the id of a team';
    end if;
    return new;
end
$$;

create trigger organisation_id_not_a_team before insert or update of id on organisation
    for each row execute function organisation_id_not_a_team();

create function team_id_not_an_organisation() returns trigger language plpgsql as $$
begin
    if exists (select 1 from organisation where id = new.id) then
        raise check_violation using message = 'team id is the id of an organisation';
    end if;
    return new;
end
$$;

create trigger team_id_not_an_organisation before insert or update of id on team
    for each row execute function team_id_not_an_organisation();
