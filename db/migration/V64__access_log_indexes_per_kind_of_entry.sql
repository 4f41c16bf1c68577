-- Decision 0059 (issue 14): an access-log entry is about one case (household_id, case_id) or about a list
-- (household_ids, case_ids); never both. Each index now holds only the entries it can answer for, so an
-- entry pays for two of the four "who saw X" indexes instead of all four (a GIN index also stores an
-- entry for a null array). "household_id = X" and "household_ids @> {X}" imply "is not null", so the
-- privacy officer's and the resident's queries (an OR of the two, a bitmap OR) still use them.
drop index access_log_household;
create index access_log_household on access_log (household_id, logged_at) where household_id is not null;
drop index access_log_case;
create index access_log_case on access_log (case_id, logged_at) where case_id is not null;
drop index access_log_households;
create index access_log_households on access_log using gin (household_ids) where household_ids is not null;
drop index access_log_cases;
create index access_log_cases on access_log using gin (case_ids) where case_ids is not null;

-- No query selects entries by user_id (the sub is stored for the record and hashed; the privacy officer
-- filters by user name, the break-the-glass review by user name and case).
drop index access_log_user_id;

-- A period filter (from/to) alone: the log is append-only and logged_at is the insert time, so the
-- table is in time order and a BRIN index (a few pages for millions of entries, next to no work per
-- insert) finds a period as well as the btree did.
drop index access_log_time;
create index access_log_time on access_log using brin (logged_at) with (autosummarize = on);
