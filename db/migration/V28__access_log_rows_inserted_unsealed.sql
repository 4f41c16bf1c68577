-- Rows are inserted unsealed: only the sealer (access_log_seal, V27) links a row into the chain. A row
-- inserted with its chain fields already filled in (by anyone holding the application's credentials)
-- would otherwise be refused by the append-only trigger each time the sealer tried to chain it, and
-- sealing would stop for every row after it.
create function access_log_inserted_unsealed() returns trigger language plpgsql as $$
begin
    new.chain_position := null;
    new.previous_hash := null;
    new.hash := null;
    return new;
end;
$$;

create trigger access_log_unsealed_on_insert
    before insert on access_log
    for each row execute function access_log_inserted_unsealed();
