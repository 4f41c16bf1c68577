-- Regie held by a partner is handed back to the case's wijkteam by a warme overdracht too (decision 0044):
-- the receiving party of a handover is a partner organisation or a wijkteam. A foreign key names one table,
-- so a trigger keeps the guarantee that the receiver exists.
alter table handover drop constraint handover_receiver_organisation_fkey;

create function handover_receiver_exists() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from organisation where id = new.receiver_organisation)
       and not exists (select 1 from team where id = new.receiver_organisation) then
        raise foreign_key_violation using message = 'handover receiver is neither an organisation nor a team';
    end if;
    return new;
end
$$;

create trigger handover_receiver_exists before insert or update of receiver_organisation on handover
    for each row execute function handover_receiver_exists();
