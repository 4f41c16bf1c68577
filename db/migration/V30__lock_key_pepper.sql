-- Simultaneous signals naming one BSN wait for each other on a transaction-level advisory lock. Its key
-- must not be the BSN itself: pg_locks, and the server log with log_lock_waits on, show lock keys to
-- whoever monitors the database. The key is derived from the BSN with this installation's secret
-- pepper (sha256, first 32 bits; a collision only makes two signals wait for each other briefly).
-- Every instance of the service reads the same row, so they agree on the key.
create table installation_secret (
    name  varchar(64) primary key,
    value text        not null
);

insert into installation_secret (name, value)
values ('advisory-lock-pepper', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

-- Only the application (and its owner) reads it.
revoke all on installation_secret from public;
