-- Scheduled work (stagnation detection, retention, clean-ups) runs once per cluster even when several
-- instances of the service share this database: ShedLock's JDBC provider claims a row per job here.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
