-- Privacy review of decision 0065 (issue 14). The chain's trigger and the sealer name access_log_chain, access_log and
-- access_log_digest without a schema. PostgreSQL looks names up in the session's own temporary schema first, whatever
-- the search_path says, so a session that may insert seals (and may create temporary tables, as every role may by
-- default) could create a temporary access_log_chain holding a head of its own choosing and have the trigger accept a
-- seal after it: a forged link far ahead, or one at the largest position that stops every later seal. Both functions
-- now resolve every name (tables, the entry's row type, functions, operators) in pg_catalog and public only, the
-- session's temporary schema last. V65 had the same hole.
alter function access_log_chain_by_the_sealer() set search_path = pg_catalog, public, pg_temp;

-- The sealer also waits for its advisory lock at most 5 s: any session may take that lock (or keep a queue row or a
-- hand-written seal open in a transaction), and the sealer, and with it the verification that seals first, would wait
-- for it without end. The seal fails and is logged instead; the next run (every 2 s) tries again, and the verification
-- reports the entries still unsealed.
alter function access_log_seal(integer, boolean) set search_path = pg_catalog, public, pg_temp;
alter function access_log_seal(integer, boolean) set lock_timeout = '5s';

-- V73's two check constraints, validated here in a transaction of their own: validating takes a lock that lets
-- requests go on inserting entries (one read of the whole log, about 0.75 s per million entries).
alter table access_log validate constraint access_log_action_check;
alter table access_log validate constraint access_log_outcome_check;
